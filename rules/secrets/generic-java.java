package com.example;

import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

public class Settings {
    // ruleid: secret-generic-password-java
    private static final String DB_PASSWORD = "Tr0ub4dor&3x";
    // ruleid: secret-generic-secret-java
    private String apiKey = "9f2c1e7b4d8a4f0c9e2b";
    // ok: secret-generic-password-java
    private static final String PASSWORD_PARAM = "password";
    // ok: secret-generic-password-java
    private static final String DB_PASSWORD_ENV = "DB_PASSWORD";
    // ok: secret-generic-password-java
    private static final int PASSWORD_MIN_LENGTH = 12;
    // ok: secret-generic-password-java
    private String keystorePassword = "changeit";
    // ok: secret-generic-secret-java
    private String tokenEndpoint = "https://idp.example.net/oauth2/token";
    // ok: secret-generic-secret-java
    private String clientSecretProperty = "app.oauth.client-secret";
    // ok: secret-generic-secret-java
    private String clientSecret = System.getenv("CLIENT_SECRET");
    // ok: secret-generic-password-java
    private String password = "${db.password}";

    void configure(HikariDataSource ds, Properties props) {
        // ruleid: secret-generic-password-java
        String password = "S3cr3t!2024x";
        // ruleid: secret-generic-secret-java
        this.accessToken = "e1d2c3b4a5f6e7d8c9b0a1f2";
        // ruleid: secret-generic-password-java
        ds.setPassword("Pa55w0rd!x");
        // ok: secret-generic-password-java
        ds.setPassword(password);
        // ok: secret-generic-password-java
        ds.setPasswordEncoder("bcrypt-v2x");
        // ruleid: secret-generic-password-java
        props.put("password", "Adm1n#2024");
        // ruleid: secret-generic-password-java
        props.setProperty("spring.datasource.password", "Adm1n#2024");
        // ok: secret-generic-password-java
        props.setProperty("spring.datasource.password", System.getenv("DB_PASSWORD"));
        // ok: secret-generic-secret-java
        props.setProperty("token.type", "Bearer2x");
        // ruleid: secret-generic-secret-java
        props.setProperty("client_secret", "q8Zr2LmV7xNc4TyB1sKd6FhJ");
    }
}

class SettingsTest {
    @Test
    void connects() {
        // ok: secret-generic-password-java
        String password = "Sup3r$ecret!";
    }
}
