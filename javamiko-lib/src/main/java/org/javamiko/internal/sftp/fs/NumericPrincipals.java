package org.javamiko.internal.sftp.fs;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

/**
 * Owners and groups as SFTP v3 knows them: numeric ids. The server's names for them are not in
 * the protocol, so a principal's name is its id in decimal, and only such names can be looked up.
 */
final class NumericPrincipals {
    /** Looks up "1000" as uid/gid 1000; any other name is not found. */
    static final UserPrincipalLookupService LOOKUP = new UserPrincipalLookupService() {
        @Override
        public UserPrincipal lookupPrincipalByName(String name) throws UserPrincipalNotFoundException {
            return new User(parse(name));
        }

        @Override
        public GroupPrincipal lookupPrincipalByGroupName(String group) throws UserPrincipalNotFoundException {
            return new Group(parse(group));
        }
    };

    private NumericPrincipals() {
    }

    private static int parse(String name) throws UserPrincipalNotFoundException {
        try {
            long id = Long.parseLong(name);
            if (id >= 0 && id <= 0xffffffffL) {
                return (int) id;
            }
        } catch (NumberFormatException e) {
            // not a number: SFTP v3 has no way to look names up
        }
        throw new UserPrincipalNotFoundException(name);
    }

    /** @return the numeric id of a principal we made, or of one whose name is a decimal id */
    static int idOf(UserPrincipal p) throws UserPrincipalNotFoundException {
        if (p instanceof User u) {
            return u.id;
        }
        if (p instanceof Group g) {
            return g.id;
        }
        return parse(p.getName());
    }

    /** A user id. */
    record User(int id) implements UserPrincipal {
        @Override
        public String getName() {
            return Integer.toUnsignedString(id);
        }

        @Override
        public String toString() {
            return getName();
        }
    }

    /** A group id. */
    record Group(int id) implements GroupPrincipal {
        @Override
        public String getName() {
            return Integer.toUnsignedString(id);
        }

        @Override
        public String toString() {
            return getName();
        }
    }
}
