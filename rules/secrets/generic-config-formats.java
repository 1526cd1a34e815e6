package com.acme.orders;

import java.sql.DriverManager;

final class Db {
    void open() throws Exception {
        // ruleid: secret-jdbc-getconnection-password
        DriverManager.getConnection(URL, "orders", "Qx7pLm2Zk9-orders");
        DriverManager.getConnection("jdbc:mysql://reports:3306/r",
            // ruleid: secret-jdbc-getconnection-password
            "report", "Coral1993?x");
        // ok: secret-jdbc-getconnection-password
        DriverManager.getConnection(URL, user, password);
        // ok: secret-jdbc-getconnection-password
        DriverManager.getConnection(URL, "orders", System.getenv("DB_PASSWORD"));
        // ok: secret-jdbc-getconnection-password
        DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");
        // ruleid: secret-twilio-init-auth-token
        Twilio.init(ACCOUNT_SID, "9f2c4e1a7b3d8e6f0a5c2b9d4e7f1a3c");
        // ok: secret-twilio-init-auth-token
        Twilio.init(ACCOUNT_SID, System.getenv("TWILIO_AUTH_TOKEN"));
    }
}
