package fixtures;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;

class Cookies {
    void remember(HttpServletResponse response, String token) {
        // ruleid: java-cookie-not-secure, java-cookie-not-httponly
        Cookie c = new Cookie("remember", token);
        c.setPath("/");
        response.addCookie(c);
    }

    void session(HttpServletResponse response, String id, boolean https) {
        // ruleid: java-cookie-not-httponly
        // ok: java-cookie-not-secure
        Cookie s = new Cookie("session", id);
        s.setSecure(https);
        response.addCookie(s);
    }

    void prefs(HttpServletResponse response, String id) {

        // ok: java-cookie-not-secure, java-cookie-not-httponly
        Cookie good = new Cookie("prefs", id);
        good.setSecure(true);
        good.setHttpOnly(true);
        response.addCookie(good);

        Cookie legacy = new Cookie("legacy", id);
        legacy.setHttpOnly(true);
        // ruleid: java-cookie-not-secure
        legacy.setSecure(true);
        // ruleid: java-cookie-not-httponly
        good.setHttpOnly(true);
        // ok: java-cookie-not-secure
        connector.setSecure(true);
    }

    void logout(HttpServletResponse response) {
        // ok: java-cookie-not-secure, java-cookie-not-httponly
        Cookie gone = new Cookie("session", "");
        gone.setMaxAge(0);
        response.addCookie(gone);
    }
}
