package fixtures;

import java.security.SecureRandom;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.commons.lang3.RandomStringUtils;

class Tokens {
    private static final SecureRandom RNG = new SecureRandom();
    // ok: java-insecure-random
    private final Random jitter = new Random();

    String newResetToken() {
        // ruleid: java-insecure-random
        return Long.toHexString(new Random().nextLong());
    }

    void login(User u) {
        // ruleid: java-insecure-random
        String sessionId = RandomStringUtils.insecure().nextAlphanumeric(24);
        // ruleid: java-insecure-random
        u.setApiKey(Integer.toString(ThreadLocalRandom.current().nextInt()));
        // ruleid: java-insecure-random
        int otp = (int) (Math.random() * 1_000_000);
        // ok: java-insecure-random
        long delay = (long) (Math.random() * 1000);
        // ok: java-insecure-random
        int shard = ThreadLocalRandom.current().nextInt(16);
        // ok: java-insecure-random
        String csrfToken = RandomStringUtils.secure().nextAlphanumeric(32);
        // ok: java-insecure-random
        byte[] salt = new byte[16];
        RNG.nextBytes(salt);
    }

    String generatePassword(int len) {
        StringBuilder sb = new StringBuilder();
        // ruleid: java-insecure-random
        Random r = new Random();
        for (int i = 0; i < len; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }

    String generateSecureToken() {
        byte[] b = new byte[32];
        // ok: java-insecure-random
        new SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    void shuffleDeck(java.util.List<Card> cards) {
        // ok: java-insecure-random
        java.util.Collections.shuffle(cards, new Random());
    }
}
