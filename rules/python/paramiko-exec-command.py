import shlex

import paramiko


def restart(host, service, unit):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.connect(host)
    # ruleid: python-paramiko-exec-command-formatted
    client.exec_command(f"systemctl restart {service}")
    # ruleid: python-paramiko-exec-command-formatted
    stdin, stdout, stderr = client.exec_command("journalctl -u %s -n 50" % unit)
    # ok: python-paramiko-exec-command-formatted
    client.exec_command(f"systemctl restart {shlex.quote(service)}")
    # ok: python-paramiko-exec-command-formatted
    client.exec_command("uptime")
    # ok: python-paramiko-exec-command-formatted
    client.exec_command(f"df -h")
    return stdout.read()
