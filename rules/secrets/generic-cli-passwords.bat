@echo off
REM ruleid: secret-cli-net-use-password
net use Z: \\files01\deploy Qm7!vX2pLr /user:ACME\deploy
REM ruleid: secret-cli-net-use-password
NET USE \\files01\deploy /user:ACME\deploy Qm7!vX2pLr /persistent:no
REM ok: secret-cli-net-use-password
net use Z: \\files01\deploy * /user:ACME\deploy
REM ok: secret-cli-net-use-password
net use Z: \\files01\deploy %DEPLOY_PASSWORD% /user:ACME\deploy
REM ok: secret-cli-net-use-password
net use Z: \\files01\deploy /persistent:yes
