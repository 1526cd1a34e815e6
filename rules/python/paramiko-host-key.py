import paramiko
from paramiko import WarningPolicy

client = paramiko.SSHClient()
# ruleid: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ruleid: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(WarningPolicy)
# ok: python-paramiko-missing-host-key-policy
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ok: python-paramiko-missing-host-key-policy
client.load_system_host_keys()
# ok: python-paramiko-missing-host-key-policy
policy_name = "AutoAddPolicy"
