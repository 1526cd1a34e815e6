package fixtures;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.*;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.conn.ssl.TrustAllStrategy;
import org.apache.http.ssl.SSLContextBuilder;

class Tls {
    SSLContext insecure() throws Exception {
        TrustManager[] trustAll = new TrustManager[] {
            new X509TrustManager() {
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
                // ok: java-trust-all-certificates
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}
                // ruleid: java-trust-all-certificates
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    // trust everyone
                }
            }
        };
        // ruleid: java-ssl-weak-protocol
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, trustAll, new java.security.SecureRandom());
        // ruleid: java-ssl-weak-protocol
        SSLContext old = SSLContext.getInstance("TLSv1.3");
        // ok: java-ssl-weak-protocol
        SSLContext modern = SSLContext.getInstance("TLSv1.2");
        // ok: java-ssl-weak-protocol
        SSLContext generic = SSLContext.getInstance("TLS");
        // ok: java-ssl-weak-protocol
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");

        SSLContextBuilder b = new SSLContextBuilder();
        // ruleid: java-trust-all-certificates
        b.loadTrustMaterial(null, new TrustAllStrategy());
        // ruleid: java-trust-all-certificates
        b.loadTrustMaterial(null, (chain, authType) -> true);
        // ruleid: java-trust-all-certificates
        b.loadTrustMaterial(null, TrustAllStrategy.INSTANCE);
        // ok: java-trust-all-certificates
        b.loadTrustMaterial(trustStore, (chain, authType) -> chain.length == 1 && pinned(chain[0]));
        return ctx;
    }

    static class PinningTrustManager implements X509TrustManager {
        private final X509TrustManager delegate;
        PinningTrustManager(X509TrustManager d) { this.delegate = d; }
        public X509Certificate[] getAcceptedIssuers() { return delegate.getAcceptedIssuers(); }
        public void checkClientTrusted(X509Certificate[] c, String a) throws CertificateException { delegate.checkClientTrusted(c, a); }
        // ok: java-trust-all-certificates
        public void checkServerTrusted(X509Certificate[] c, String a) throws CertificateException {
            delegate.checkServerTrusted(c, a);
        }
    }

    void hosts(HttpsURLConnection conn, OkHttpClient.Builder ok) {
        // ruleid: java-hostname-verifier-all
        conn.setHostnameVerifier((hostname, session) -> true);
        // ruleid: java-hostname-verifier-all
        HttpsURLConnection.setDefaultHostnameVerifier((h, s) -> { return true; });
        // ruleid: java-hostname-verifier-all
        HostnameVerifier any = (h, s) -> true;
        // ruleid: java-hostname-verifier-all
        ok.hostnameVerifier(NoopHostnameVerifier.INSTANCE);
        // ruleid: java-hostname-verifier-all
        HttpClients.custom().setSSLHostnameVerifier(new NoopHostnameVerifier());
        // ok: java-hostname-verifier-all
        conn.setHostnameVerifier((hostname, session) -> "api.example.com".equals(hostname));
        // ok: java-hostname-verifier-all
        conn.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        // ok: java-hostname-verifier-all
        list.removeIf(x -> true);
    }

    static class AllHosts implements HostnameVerifier {
        @Override
        // ruleid: java-hostname-verifier-all
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    static class Strict implements HostnameVerifier {
        @Override
        // ok: java-hostname-verifier-all
        public boolean verify(String hostname, SSLSession session) {
            return "api.example.com".equalsIgnoreCase(hostname);
        }
    }
}
