"""Hand-written labelled cases: credentials in configuration formats and call arguments (issue 13,
item 4), with their look-alike non-secrets.

Written before the rules that target them, so the score measured on them is not fitted. Each case
is a whole small file. A line that carries a label ends with a marker that the builder strips:
``⟦+category⟧`` (a positive) or ``⟦-reason⟧`` (a negative); ``⟦+category:2⟧`` spans 2 lines (the
value is on the next line). Values that would look like secrets
are written as ``«kind»`` and generated from a seed at build time (see :data:`VALUES`), so this
module holds no secret-shaped literal and scanning the repository does not report it.
"""

from __future__ import annotations

# (path, text). Paths are where such files live in real projects.
CASES: list[tuple[str, str]] = [
    # ---------------------------------------------------------------- XML configuration
    ("legacy/Web/web.config", """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <appSettings>
    <add key="SmtpHost" value="smtp.internal.example" />
    <add key="SmtpPassword" value="«pw»" />  ⟦+xml⟧
    <add key="StripeApiKey" value="«alnum32»" />  ⟦+xml⟧
    <add key="ida:ClientSecret" value="«aad»" />  ⟦+azure-ad⟧
    <add key="Twilio.AuthToken" value="«hex32»" />  ⟦+twilio⟧
    <add key="PasswordResetUrl" value="https://accounts.example.com/reset" />  ⟦-not-a-secret-name⟧
    <add key="DbPassword" value="" />  ⟦-placeholder⟧
    <add key="ApiKey" value="#{ApiKey}" />  ⟦-placeholder⟧
    <add key="EncryptionKey" value="$(EncryptionKey)" />  ⟦-placeholder⟧
    <add key="PasswordMinLength" value="12" />  ⟦-not-a-secret-name⟧
  </appSettings>
  <connectionStrings>
    <add name="Orders" connectionString="Server=sql01;Database=orders;User Id=orders_app;Password=«pw»;" providerName="System.Data.SqlClient" />  ⟦+connection⟧
    <add name="Reports" connectionString="Server=sql01;Database=reports;Integrated Security=true;" />  ⟦-no-credentials⟧
  </connectionStrings>
</configuration>
"""),
    ("billing/src/main/resources/hibernate.cfg.xml", """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE hibernate-configuration PUBLIC "-//Hibernate/Hibernate Configuration DTD 3.0//EN" "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
<hibernate-configuration>
  <session-factory>
    <property name="hibernate.connection.driver_class">org.postgresql.Driver</property>
    <property name="hibernate.connection.url">jdbc:postgresql://db.internal:5432/billing</property>
    <property name="hibernate.connection.username">billing</property>
    <property name="hibernate.connection.password">«pw»</property>  ⟦+xml⟧
    <property name="hibernate.connection.pool_size">10</property>
  </session-factory>
</hibernate-configuration>
"""),
    ("billing-legacy/src/main/resources/hibernate.cfg.xml", """<?xml version="1.0" encoding="utf-8"?>
<hibernate-configuration>
  <session-factory>
    <property name="connection.username">billing</property>
    <property name="connection.password">${db.password}</property>  ⟦-placeholder⟧
  </session-factory>
</hibernate-configuration>
"""),
    ("orders/src/main/resources/logback.xml", """<configuration>
  <appender name="EMAIL" class="ch.qos.logback.classic.net.SMTPAppender">
    <smtpHost>smtp.example.com</smtpHost>
    <username>alerts@example.com</username>
    <password>«pw»</password>  ⟦+xml⟧
    <to>oncall@example.com</to>
  </appender>
  <appender name="LOGZIO" class="io.logz.logback.LogzioLogbackAppender">
    <token>«alnum32»</token>  ⟦+xml⟧
    <logzioUrl>https://listener.logz.io:8071</logzioUrl>
  </appender>
  <root level="INFO"><appender-ref ref="EMAIL" /></root>
</configuration>
"""),
    ("tools/maven/settings.xml", """<settings>
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deploy</username>
      <password>«pw»</password>  ⟦+xml⟧
    </server>
    <server>
      <id>nexus-snapshots</id>
      <username>deploy</username>
      <password>${env.NEXUS_PASSWORD}</password>  ⟦-env-lookup⟧
    </server>
  </servers>
</settings>
"""),
    ("notify/src/main/resources/twilio.xml", """<notifications>
  <sms>
    <twilioAccountSid>AC«hex32»</twilioAccountSid>  ⟦-identifier⟧
    <twilioAuthToken>«hex32»</twilioAuthToken>  ⟦+twilio⟧
    <from>+15005550006</from>
  </sms>
</notifications>
"""),
    ("storage/src/main/resources/aliyun-oss.xml", """<oss>
  <endpoint>oss-cn-hangzhou.aliyuncs.com</endpoint>
  <accessKeySecret>«alnum30»</accessKeySecret>  ⟦+alibaba⟧
  <bucket>media-prod</bucket>
</oss>
"""),
    ("storage/src/main/resources/applicationContext.xml", """<beans xmlns="http://www.springframework.org/schema/beans">
  <bean id="dataSource" class="org.apache.commons.dbcp2.BasicDataSource">
    <property name="url" value="jdbc:mysql://db.internal:3306/shop" />
    <property name="username" value="shop" />
    <property name="password" value="«pw»" />  ⟦+xml⟧
  </bean>
  <bean id="ossClient" class="com.aliyun.oss.OSSClient">
    <property name="secretAccessKey" value="«alnum30»" />  ⟦+alibaba⟧
  </bean>
  <bean id="encoder" class="org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder" />
  <bean id="passwordPolicy" class="com.acme.PasswordPolicy">
    <property name="password" value="${app.admin.password}" />  ⟦-placeholder⟧
  </bean>
</beans>
"""),
    ("docs/setup/maven.md", """# Publishing

Put your credentials in `~/.m2/settings.xml`:

```xml
<server>
  <id>nexus-releases</id>
  <username>your-username</username>
  <password>your-password</password>  ⟦-placeholder⟧
</server>
```

Java keystores ship with the password `changeit`:

```xml
<keystorePassword>changeit</keystorePassword>  ⟦-placeholder⟧
```
"""),
    ("build/gradle/verification-metadata.xml", """<verification-metadata>
  <components>
    <component group="com.google.guava" name="guava" version="33.0.0-jre">
      <artifact name="guava-33.0.0-jre.jar">
        <sha256 value="«sha256»" origin="Generated by Gradle" />  ⟦-hash⟧
      </artifact>
    </component>
  </components>
</verification-metadata>
"""),
    ("app/src/main/AndroidManifest.xml", """<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.acme.app">
  <application android:label="Acme">
    <meta-data android:name="com.google.android.geo.API_KEY" android:value="${MAPS_API_KEY}" />  ⟦-placeholder⟧
    <meta-data android:name="io.sentry.auto-init" android:value="false" />
  </application>
</manifest>
"""),
    # ---------------------------------------------------------------- .properties
    ("billing/src/main/resources/application.properties", """spring.application.name=billing
database.url=jdbc:postgresql://db.internal:5432/billing
database.username=billing
database.password=«pw»  ⟦+properties⟧
encryption.key=«b64_32»  ⟦+properties⟧
master.key=«hex32»  ⟦+properties⟧
private.token=«alnum40»  ⟦+properties⟧
encryption.key.algorithm=AES/GCM/NoPadding  ⟦-not-a-secret-name⟧
master.key.file=/etc/billing/master.key  ⟦-file-reference⟧
cache.key.prefix=billing-v2  ⟦-not-a-secret-name⟧
spring.datasource.password=${DB_PASSWORD}  ⟦-env-lookup⟧
twilio.auth.token=«hex32»  ⟦+twilio⟧
"""),
    ("billing/src/test/resources/application-test.properties", """database.url=jdbc:h2:mem:test
database.password=  ⟦-placeholder⟧
encryption.key=${TEST_ENCRYPTION_KEY:}  ⟦-env-lookup⟧
"""),
    ("gradle.properties", """org.gradle.jvmargs=-Xmx2g -Dfile.encoding=UTF-8
org.gradle.parallel=true
signing.keyId=«hex8»  ⟦-identifier⟧
signing.password=«pw»  ⟦+properties⟧
signing.secretKeyRingFile=/home/ci/.gnupg/secring.gpg  ⟦-file-reference⟧
ossrhPassword=«pw»  ⟦+properties⟧
datadog.app.key=«hex40»  ⟦+datadog⟧
"""),
    ("orders/src/main/java/com/acme/orders/MailConfig.java", """package com.acme.orders;

import java.util.Properties;

public final class MailConfig {
    static Properties smtp() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.example.com");
        props.put("mail.smtp.auth", "true");  ⟦-not-a-secret-name⟧
        props.put("mail.smtp.password", "«pw»");  ⟦+properties⟧
        props.setProperty("javax.net.ssl.trustStorePassword", "«pw»");  ⟦+properties⟧
        props.put("mail.smtp.user", "alerts@example.com");
        return props;
    }

    static Properties fromEnv() {
        Properties props = new Properties();
        props.put("mail.smtp.password", System.getenv("SMTP_PASSWORD"));  ⟦-env-lookup⟧
        props.setProperty("password", "");  ⟦-placeholder⟧
        return props;
    }
}
"""),
    # ---------------------------------------------------------------- connection calls
    ("orders/src/main/java/com/acme/orders/Db.java", """package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

final class Db {
    private static final String URL = "jdbc:postgresql://db.internal:5432/orders";

    static Connection open() throws SQLException {
        return DriverManager.getConnection(URL, "orders", "«pw»");  ⟦+connection⟧
    }

    static Connection report() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://reports:3306/r", "report",  ⟦+connection:2⟧
            "«pw»");
    }

    static Connection fromEnv(String user, String password) throws SQLException {
        return DriverManager.getConnection(URL, user, password);  ⟦-env-lookup⟧
    }

    static Connection fromSystem() throws SQLException {
        return DriverManager.getConnection(URL, "orders", System.getenv("DB_PASSWORD"));  ⟦-env-lookup⟧
    }
}
"""),
    ("orders/src/test/java/com/acme/orders/DbIT.java", """package com.acme.orders;

import java.sql.DriverManager;

class DbIT {
    void h2() throws Exception {
        DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");  ⟦-placeholder⟧
    }
}
"""),
    ("agent/internal/store/mysql.go", """package store

import (
	"database/sql"
	"fmt"
	"os"
)

const dsn = "agent:«urlpw»@tcp(db.internal:3306)/agent?parseTime=true"  ⟦+connection⟧

func Open() (*sql.DB, error) {
	return sql.Open("mysql", dsn)
}

func OpenReplica() (*sql.DB, error) {
	return sql.Open("mysql", "reader:«urlpw»@tcp(replica:3306)/agent")  ⟦+connection⟧
}

func OpenEnv(user, pass, host string) (*sql.DB, error) {
	return sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)/agent", user, pass, host))  ⟦-env-lookup⟧
}

func OpenLocal() (*sql.DB, error) {
	return sql.Open("mysql", "root:@tcp(127.0.0.1:3306)/agent_test")  ⟦-placeholder⟧
}

func OpenFromEnv() (*sql.DB, error) {
	return sql.Open("mysql", os.Getenv("AGENT_DSN"))  ⟦-env-lookup⟧
}
"""),
    ("agent/README.md", """# agent

Set `AGENT_DSN`, for example:

    export AGENT_DSN="user:password@tcp(localhost:3306)/dbname"  ⟦-doc-sample⟧
"""),
    ("deploy/docker/ci-runner.Dockerfile", """FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends git ca-certificates
RUN echo "machine github.com login ci-bot password «ghlike»" > /root/.netrc  ⟦+netrc⟧
RUN printf 'machine api.heroku.com\\n  login ops@example.com\\n  password «uuid»\\n' >> /root/.netrc  ⟦+netrc⟧
RUN echo "machine gitlab.example.com login ci password «pw»" >> ~/.netrc && chmod 600 ~/.netrc  ⟦+netrc⟧
"""),
    ("deploy/docker/builder.Dockerfile", """FROM golang:1.22
ARG GH_TOKEN
RUN echo "machine github.com login ci password ${GH_TOKEN}" > ~/.netrc  ⟦-env-lookup⟧
RUN --mount=type=secret,id=netrc,target=/root/.netrc go mod download  ⟦-file-reference⟧
"""),
    # ---------------------------------------------------------------- positional SDK / client arguments
    ("mobile/Acme.App/Startup.cs", """using Acme.Analytics;

namespace Acme.App
{
    public static class Startup
    {
        public static void Configure()
        {
            AnalyticsSdk.Initialize("«alnum32»");  ⟦+sdk-argument⟧
            Crashes.Initialize("Production");  ⟦-not-a-secret-name⟧
            var client = new PaymentClient("«alnum40»");  ⟦+sdk-argument⟧
            var local = new PaymentClient(Environment.GetEnvironmentVariable("PAYMENT_KEY"));  ⟦-env-lookup⟧
        }
    }
}
"""),
    ("agent/internal/notify/client.go", """package notify

import (
	"os"

	"github.com/acme/pushsdk/client"
)

var prod = client.New("«alnum40»")  ⟦+sdk-argument⟧
var fromEnv = client.New(os.Getenv("PUSH_API_KEY"))  ⟦-env-lookup⟧
var named = client.New("default")  ⟦-not-a-secret-name⟧
"""),
    ("web-frontend/src/lib/clients.ts", """import { createClient } from '@acme/search-sdk';
import { createClient as createRedis } from 'redis';

export const search = createClient('«alnum40»');  ⟦+sdk-argument⟧
export const searchFromEnv = createClient(process.env.SEARCH_KEY!);  ⟦-env-lookup⟧
export const cache = createRedis({ url: 'redis://localhost:6379' });  ⟦-no-credentials⟧
export const local = createClient('http://localhost:7700');  ⟦-no-credentials⟧
"""),
    ("ml-pipeline/pipeline/vendors.py", """import ftplib

import vendorsdk


def connect():
    api = vendorsdk.Client()
    api.authenticate("«hex40»")  ⟦+sdk-argument⟧
    api.login("pipeline", "«pw»")  ⟦+sdk-argument⟧
    tracker = vendorsdk.Tracker()
    tracker.initialize("«alnum32»")  ⟦+sdk-argument⟧
    ftp = ftplib.FTP("ftp.example.com")
    ftp.login("anonymous", "guest@example.com")  ⟦-not-a-secret-name⟧
    api.connect("db.internal", 5432)  ⟦-no-credentials⟧
    tracker.initialize("production")  ⟦-not-a-secret-name⟧
    return api
"""),
    ("ml-pipeline/tests/test_vendors.py", """from unittest import mock


def test_login(fake_api):
    fake_api.login("user", "password")  ⟦-placeholder⟧
    fake_api.authenticate("test-token")  ⟦-placeholder⟧
    assert fake_api.logged_in
"""),
    # ---------------------------------------------------------------- provider formats
    ("ci/azure/.env", """AZURE_DEVOPS_EXT_PAT=«ado52»  ⟦+azure-devops⟧
AZURE_DEVOPS_ORG=https://dev.azure.com/acme
ADO_TOKEN=«ado84»  ⟦+azure-devops⟧
AZURE_CLIENT_SECRET=«aad»  ⟦+azure-ad⟧
AZURE_DEVOPS_BACKUP_PAT=«ado52bad»  ⟦-wrong-checksum⟧
"""),
    ("ci/azure/tools/sync.py", """import os

azdo = "«ado52»"  ⟦+azure-devops⟧
ADO_CREDENTIAL = "«ado84»"  ⟦+azure-devops⟧
tenant_secret = "«aad»"  ⟦+azure-ad⟧
sample_value = "«aadbad»"  ⟦-wrong-checksum⟧
pat_from_env = os.environ["AZURE_DEVOPS_PAT"]  ⟦-env-lookup⟧
"""),
    ("ci/azure/pipelines/release.yml", """trigger: [main]
variables:
  organization: acme
  pat: «ado84»  ⟦+azure-devops⟧
  serviceConnectionSecret: «aad»  ⟦+azure-ad⟧
steps:
  - script: az devops login --organization https://dev.azure.com/acme
    env:
      AZURE_DEVOPS_EXT_PAT: $(System.AccessToken)  ⟦-env-lookup⟧
"""),
    ("inventory/src/Inventory.Api/appsettings.Production.json", """{
  "AzureAd": {
    "Instance": "https://login.microsoftonline.com/",
    "ClientId": "«uuid»",  ⟦-uuid⟧
    "Secret": "«aad»"  ⟦+azure-ad⟧
  },
  "AzureDevOps": { "PersonalAccessToken": "«ado52»" },  ⟦+azure-devops⟧
  "Slack": { "Bot": "«slackbot2»" },  ⟦+slack⟧
  "Datadog": { "ApplicationKey": "«hex40»" }  ⟦+datadog⟧
}
"""),
    ("infra/nix/default.nix", """{ fetchurl }:
fetchurl {
  url = "https://example.com/tool-1.2.tar.gz";
  sha256 = "«nix52»";  ⟦-hash⟧
}
"""),
    ("chatops/bot/settings.py", """SLACK_BOT_TOKEN = "«slackbot9»"  ⟦+slack⟧
SLACK_LEGACY_BOT = "«slackbot2»"  ⟦+slack⟧
SLACK_BOT_ROTATING = "«slackrot»"  ⟦+slack⟧
SLACK_BOT_NEW = "«slackbot13»"  ⟦+slack⟧
SLACK_DOC_TOKEN = "xoxb-your-bot-token"  ⟦-placeholder⟧
SLACK_ZERO = "xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx"  ⟦-placeholder⟧
"""),
    ("chatops/config/slack.yml", """slack:
  bot_token: «slackbot2»  ⟦+slack⟧
  bot_token_2: «slackbot9»  ⟦+slack⟧
"""),
    ("observability/terraform/datadog.tf", """provider "datadog" {
  api_key = var.datadog_api_key  ⟦-env-lookup⟧
  app_key = "«hex40»"  ⟦+datadog⟧
}
"""),
    ("observability/scripts/monitors.py", """from datadog import initialize, api

options = {
    "api_key": os.environ["DD_API_KEY"],  ⟦-env-lookup⟧
    "app_key": "«hex40»",  ⟦+datadog⟧
}
initialize(**options)
DD_APPLICATION_KEY = "«hex40»"  ⟦+datadog⟧
GIT_COMMIT = "«hex40»"  ⟦-git-sha⟧
"""),
    ("observability/.env", """DD_SITE=datadoghq.eu
DD_APP_KEY=«hex40»  ⟦+datadog⟧
DATADOG_APPLICATION_KEY=${DATADOG_APPLICATION_KEY}  ⟦-env-lookup⟧
"""),
    ("notify/src/main/java/com/acme/notify/Sms.java", """package com.acme.notify;

import com.twilio.Twilio;

final class Sms {
    private static final String ACCOUNT_SID = "AC«hex32»";  ⟦-identifier⟧

    static void init() {
        Twilio.init(ACCOUNT_SID, "«hex32»");  ⟦+twilio⟧
    }
}
"""),
    ("notify/.env", """TWILIO_ACCOUNT_SID=AC«hex32»  ⟦-identifier⟧
TWILIO_AUTH_TOKEN=«hex32»  ⟦+twilio⟧
TWILIO_VERIFY_SERVICE=VA«hex32»  ⟦-identifier⟧
"""),
    # ---------------------------------------------------------------- lock files and fixtures
    ("web-frontend/package-lock.json", """{
  "name": "web-frontend",
  "lockfileVersion": 3,
  "packages": {
    "node_modules/left-pad": {
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "sha512-«b64_64»"  ⟦-hash⟧
    }
  }
}
"""),
    ("web-frontend/yarn.lock", """left-pad@^1.3.0:
  version "1.3.0"
  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.0.tgz#«hex40»"  ⟦-hash⟧
"""),
    ("agent/go.sum", """github.com/go-sql-driver/mysql v1.8.1 h1:«b64_32»  ⟦-hash⟧
github.com/go-sql-driver/mysql v1.8.1/go.mod h1:«b64_32»  ⟦-hash⟧
"""),
    ("tools/Cargo.lock", """[[package]]
name = "serde"
version = "1.0.200"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "«sha256»"  ⟦-hash⟧
"""),
    ("ml-pipeline/poetry.lock", """[[package]]
name = "requests"
version = "2.32.3"
files = [
    {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:«sha256»"},  ⟦-hash⟧
]
"""),
]

#: value kinds a case may use (see ``casebench.value``).
VALUES = ("pw", "urlpw", "alnum30", "alnum32", "alnum40", "hex8", "hex32", "hex40", "b64_32", "b64_64",
          "sha256", "uuid", "aad", "aadbad", "ado52", "ado52bad", "ado84", "nix52", "ghlike",
          "slackbot2", "slackbot9", "slackbot13", "slackrot")
