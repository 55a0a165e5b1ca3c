/**
 * Small programs showing javamiko from the outside: a module of their own that sees only what
 * {@code org.javamiko} exports. A test in javamiko-lib compiles them against the library jar on
 * the module path and runs each one against an OpenSSH server, so they stay correct.
 */
module org.javamiko.examples {
    requires org.javamiko;
}
