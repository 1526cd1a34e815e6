using System;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

public static class HttpSetup
{
    public static HttpClient Create(bool pinned, string thumbprint)
    {
        // ruleid: csharp-cert-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback = (sender, cert, chain, errors) => true;
        // ruleid: csharp-cert-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
        var handler = new HttpClientHandler();
        // ruleid: csharp-cert-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => { return true; };
        var other = new HttpClientHandler
        {
            // ruleid: csharp-cert-validation-disabled
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator
        };
        // ruleid: csharp-cert-validation-disabled
        var ssl = new SslStream(inner, false, (s, c, ch, e) => true);

        // ok: csharp-cert-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => errors == SslPolicyErrors.None;
        // ok: csharp-cert-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>
            cert != null && cert.GetCertHashString() == thumbprint;
        // ok: csharp-cert-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => false;
        // ok: csharp-cert-validation-disabled
        button.Click += (s, e) => true;

        // ruleid: csharp-tls-weak-protocol
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls11;
        // ruleid: csharp-tls-weak-protocol
        var opts = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls };
        // ok: csharp-tls-weak-protocol
        ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;
        // ok: csharp-tls-weak-protocol
        var modern = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.None };
        // ok: csharp-tls-weak-protocol
        if (ssl.SslProtocol == SslProtocols.Tls) { Console.WriteLine("legacy client"); }
        return new HttpClient(handler);
    }

    // ruleid: csharp-cert-validation-disabled
    private static bool AcceptAll(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors errors)
    {
        return true;
    }

    // ok: csharp-cert-validation-disabled
    private static bool Validate(object sender, X509Certificate cert, X509Chain chain, SslPolicyErrors errors)
    {
        return errors == SslPolicyErrors.None;
    }
}
