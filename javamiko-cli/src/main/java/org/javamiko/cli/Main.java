package org.javamiko.cli;

import java.util.Arrays;

/** The {@code javamiko} command: {@code javamiko demo} shows the client against an embedded server. */
public final class Main {
    private Main() {
    }

    /**
     * @param args the sub-command and its arguments
     * @throws Exception when the sub-command fails
     */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "demo" -> new Demo(System.out).run();
            case "help", "-h", "--help" -> usage();
            default -> {
                System.err.println("javamiko: unknown command '" + command + "' " + Arrays.toString(args));
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.out.println("""
                usage: javamiko demo
                  demo   start an SSH server on 127.0.0.1 and show javamiko's client against it:
                         host-key policies, exec, run, exit status, stderr""");
    }
}
