using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

public class ToolsController : Controller
{
    public IActionResult Ping(string host, string tool)
    {
        // ruleid: csharp-process-shell-nonconstant
        Process.Start("cmd.exe", "/c ping -n 1 " + host);
        // ruleid: csharp-process-shell-nonconstant
        var psi = new ProcessStartInfo("/bin/bash", $"-c \"ping -c 1 {host}\"");
        // ruleid: csharp-process-shell-nonconstant
        var ps = new ProcessStartInfo { FileName = "powershell.exe", Arguments = "-Command Test-Connection " + host };
        // ruleid: csharp-process-shell-nonconstant
        var cmd = new ProcessStartInfo("cmd") { Arguments = string.Format("/c nslookup {0}", host), UseShellExecute = false };

        // ok: csharp-process-shell-nonconstant
        Process.Start("cmd.exe", "/c dir C:\\logs");
        // ok: csharp-process-shell-nonconstant
        var fixedScript = new ProcessStartInfo("bash", $"-c \"uptime\"");
        // ok: csharp-process-shell-nonconstant
        var direct = new ProcessStartInfo("ping") { Arguments = "-n 1 " + host };
        // ok: csharp-process-shell-nonconstant
        Process.Start("notepad.exe", path);

        // ruleid: csharp-process-start-nonliteral
        Process.Start(Request.Query["tool"], "--version");
        // ruleid: csharp-process-start-nonliteral
        Process.Start(tool, "--help");
        // ruleid: csharp-process-start-nonliteral
        var info = new ProcessStartInfo { FileName = tool, UseShellExecute = false };
        var p = new Process();
        // ruleid: csharp-process-start-nonliteral
        p.StartInfo.FileName = Path.Combine(toolsDir, tool);

        // ok: csharp-process-start-nonliteral
        Process.Start(info);
        // ok: csharp-process-start-nonliteral
        Process.Start("git", "status");
        // ok: csharp-process-start-nonliteral
        p.StartInfo.FileName = @"C:\Program Files\Git\bin\git.exe";
        // ok: csharp-process-start-nonliteral
        Process.Start(Environment.ProcessPath, "--child");
        // ok: csharp-process-start-nonliteral
        upload.FileName = tool;
        return Ok();
    }
}
