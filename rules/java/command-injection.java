package fixtures;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.servlet.http.HttpServletRequest;

class Commands {
    private static final String BACKUP = "/usr/local/bin/backup --all";

    void run(HttpServletRequest req) throws IOException {
        String host = req.getParameter("host");
        // ruleid: java-runtime-exec-nonliteral
        Runtime.getRuntime().exec("ping -c 1 " + host);
        String cmd = req.getParameter("cmd");
        // ruleid: java-runtime-exec-nonliteral
        Process p = Runtime.getRuntime().exec(cmd);
        Runtime rt = Runtime.getRuntime();
        // ruleid: java-runtime-exec-nonliteral
        rt.exec(String.format("nslookup %s", host));

        // ok: java-runtime-exec-nonliteral
        Runtime.getRuntime().exec("uptime");
        // ok: java-runtime-exec-nonliteral
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", host});
        // ok: java-runtime-exec-nonliteral
        executor.exec(cmd);
        // ok: java-runtime-exec-nonliteral
        Pattern.compile("x").matcher(host).find();
    }

    void shell(String archive, String name) throws IOException {
        // ruleid: java-shell-command-nonconstant
        new ProcessBuilder("sh", "-c", "tar xzf " + archive).start();
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java-shell-command-nonconstant
        pb.command("/bin/bash", "-c", name);
        // ruleid: java-shell-command-nonconstant
        List<String> argv = Arrays.asList("cmd.exe", "/c", "type " + name);
        // ruleid: java-shell-command-nonconstant
        String[] script = {"bash", "-c", "grep " + name + " /var/log/app.log"};
        // ruleid: java-shell-command-nonconstant
        // ok: java-runtime-exec-nonliteral
        Runtime.getRuntime().exec(new String[] {"sh", "-c", name});

        // ok: java-shell-command-nonconstant
        new ProcessBuilder("tar", "xzf", archive).start();
        // ok: java-shell-command-nonconstant
        new ProcessBuilder("sh", "-c", "ls -l /var/log | wc -l").start();
        // ok: java-shell-command-nonconstant
        pb.command(List.of("grep", "-c", name, "/etc/hosts"));
        // ok: java-shell-command-nonconstant
        String[] fixed = {"bash", "-c", """
            set -e
            make clean all
            """};
    }
}
