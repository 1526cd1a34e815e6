import os
import subprocess

# ruleid: python-shell-wildcard-injection
os.system("cd /srv/uploads && tar czf /backup/uploads.tgz *")
# ruleid: python-shell-wildcard-injection
subprocess.call("chown -R www-data:www-data *", shell=True)
# ruleid: python-shell-wildcard-injection
subprocess.Popen("sudo chmod 644 /var/www/static/*", shell=True)
# ruleid: python-shell-wildcard-injection
os.popen("rsync -a * backup:/srv/")
# ok: python-shell-wildcard-injection
subprocess.call(["chown", "-R", "www-data", "--", "/srv/uploads"])
# ok: python-shell-wildcard-injection
subprocess.call("chown -R www-data:www-data /srv/uploads", shell=True)
# ok: python-shell-wildcard-injection
subprocess.call("ls *.log | wc -l", shell=True)
# ok: python-shell-wildcard-injection
subprocess.call("tar czf /backup/app.tgz *", shell=False)
# ok: python-shell-wildcard-injection
os.system("echo 'tar * is risky'")
