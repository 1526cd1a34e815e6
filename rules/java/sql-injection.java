package fixtures;

import java.sql.*;
import java.util.List;
import javax.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

class Repo {
    private static final int LIMIT = 50;
    private Connection conn;
    private JdbcTemplate jdbc;
    private EntityManager em;

    ResultSet find(Statement stmt, String name, long id, String sort) throws SQLException {
        // ruleid: java-jdbc-sql-concat
        ResultSet rs = stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
        // ruleid: java-jdbc-sql-concat
        conn.createStatement().executeQuery(String.format("SELECT * FROM users ORDER BY %s", sort));
        // ruleid: java-jdbc-sql-concat
        stmt.executeUpdate("DELETE FROM sessions WHERE user_id = " + id);
        // ruleid: java-jdbc-sql-concat
        PreparedStatement bad = conn.prepareStatement("SELECT * FROM t WHERE a = '" + name + "'");
        // ruleid: java-jdbc-sql-concat
        List<User> us = jdbc.query("SELECT * FROM users WHERE team = '%s'".formatted(name), mapper);
        // ruleid: java-jdbc-sql-concat
        stmt.execute("""
            SELECT id FROM users WHERE email = '""" + name + "'");

        // ok: java-jdbc-sql-concat
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        // ok: java-jdbc-sql-concat
        rs = stmt.executeQuery("SELECT id, name " + "FROM users " + "WHERE active = true");
        // ok: java-jdbc-sql-concat
        rs = stmt.executeQuery(String.format("SELECT * FROM users LIMIT %d", LIMIT));
        // ok: java-jdbc-sql-concat
        jdbc.update("UPDATE users SET bio = ? WHERE id = ?", "Hi " + name, id);
        // ok: java-jdbc-sql-concat
        executor.execute(() -> log.info("deleted from queue " + name));
        // ok: java-jdbc-sql-concat
        cache.update("user:" + name, id);
        return rs;
    }

    List<User> jpa(String name, String role) {
        // ruleid: java-jpa-query-concat
        em.createQuery("from User u where u.name = '" + name + "'", User.class).getResultList();
        // ruleid: java-jpa-query-concat
        em.createNativeQuery(String.format("SELECT * FROM users WHERE role = '%s'", role));
        // ok: java-jpa-query-concat
        em.createQuery("from User u where u.name = :name", User.class).setParameter("name", name);
        // ok: java-jpa-query-concat
        em.createQuery("select u from User u " + "where u.active = true", User.class);
        // ok: java-jpa-query-concat
        builder.createQuery(User.class);
        return null;
    }

    void variables(String email, long id, String name) throws SQLException {
        Statement stmt = conn.createStatement();
        String sql = "UPDATE accounts SET email = '" + email + "' WHERE id = " + id;
        // ruleid: java-sql-built-query-variable
        stmt.executeUpdate(sql);
        String q = String.format("SELECT * FROM users WHERE name = '%s'", name);
        // ruleid: java-sql-built-query-variable
        try (ResultSet rs = stmt.executeQuery(q)) {
            rs.next();
        }
        String count = "SELECT count(*) FROM users WHERE name = '" + name + "'";
        // ruleid: java-sql-built-query-variable
        int n = jdbc.queryForObject(count, Integer.class);

        String safe = "SELECT * FROM users WHERE name = ?";
        // ok: java-sql-built-query-variable
        PreparedStatement ps = conn.prepareStatement(safe);
        String joined = "SELECT * FROM users " + "WHERE id = ?";
        // ok: java-sql-built-query-variable
        ps = conn.prepareStatement(joined);
        String label = "deleted from cart: " + name;
        // ok: java-sql-built-query-variable
        jdbc.update("INSERT INTO audit(label) VALUES (?)", label);
    }
}
