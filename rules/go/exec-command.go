package fixtures

import (
	"context"
	"net/http"
	"os"
	"os/exec"
)

func convert(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ruleid: go-exec-shell-nonconstant
	out, err := exec.Command("sh", "-c", "convert "+name+" out.png").Output()
	// ruleid: go-exec-shell-nonconstant
	cmd := exec.Command("/bin/bash", "-c", name)
	// ruleid: go-exec-shell-nonconstant
	_ = exec.CommandContext(r.Context(), "bash", "-c", fmt.Sprintf("tar xzf %s", name)).Run()
	// ruleid: go-exec-shell-nonconstant
	_ = exec.Command("cmd.exe", "/C", "type "+name).Run()

	// ok: go-exec-shell-nonconstant
	_ = exec.Command("sh", "-c", "ls -l /var/log | wc -l").Run()
	// ok: go-exec-shell-nonconstant
	_ = exec.Command("bash", "-c", `set -e; make clean; make`).Run()
	// ok: go-exec-shell-nonconstant
	_ = exec.Command("convert", "--", name, "out.png").Run()
	// ok: go-exec-shell-nonconstant
	_ = exec.Command("grep", "-c", name, "/etc/passwd").Run()
	// ok: go-exec-shell-nonconstant
	_ = exec.CommandContext(context.Background(), "sh", "-c", "uptime").Run()
	// ok: go-exec-shell-nonconstant
	_ = exec.Command("python3", "-c", name).Run() // interpreter, not a shell: out of scope here
	_, _, _ = out, err, cmd
}

func runTool(ctx context.Context, r *http.Request) error {
	tool := r.URL.Query().Get("tool")
	// ruleid: go-exec-nonliteral-program
	if err := exec.Command(tool, "--version").Run(); err != nil {
		return err
	}
	// ruleid: go-exec-nonliteral-program
	c := exec.CommandContext(ctx, os.Getenv("EDITOR"), "notes.txt")
	// ok: go-exec-nonliteral-program
	c = exec.CommandContext(ctx, "git", "status")
	// ok: go-exec-nonliteral-program
	c = exec.Command("git", tool)
	// ok: go-exec-nonliteral-program
	c = exec.Command(os.Args[0], "-test.run=TestHelperProcess")
	// ok: go-exec-nonliteral-program
	c = exec.Command(`C:\Program Files\Git\bin\git.exe`, "status")
	return c.Run()
}
