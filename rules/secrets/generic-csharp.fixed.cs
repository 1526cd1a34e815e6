using System;
using System.Collections.Generic;
using Microsoft.Data.SqlClient;
using Xunit;

public class Settings
{
    // ruleid: secret-generic-password-csharp
    private const string DbPassword = "Tr0ub4dor&3x";
    // ruleid: secret-generic-secret-csharp
    public string ApiKey { get; set; } = Environment.GetEnvironmentVariable("API_KEY");
    // ruleid: secret-generic-secret-csharp
    private static readonly string ClientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET");
    // ok: secret-generic-password-csharp
    private const string PasswordEnvVar = "DB_PASSWORD";
    // ok: secret-generic-secret-csharp
    private const string TokenUrl = "https://login.example.net/oauth2/v2.0/token";
    // ok: secret-generic-secret-csharp
    public string SecretName { get; set; } = "prod-db-2";
    // ok: secret-generic-password-csharp
    private string password = Environment.GetEnvironmentVariable("DB_PASSWORD");
    // ok: secret-generic-password-csharp
    private string password2 = "{0}";

    // ruleid: secret-generic-password-csharp
    public void Connect(string user, string password = "d3f4ult!Pw")
    {
        // ruleid: secret-generic-password-csharp
        var adminPassword = Environment.GetEnvironmentVariable("ADMIN_PASSWORD");
        var builder = new SqlConnectionStringBuilder
        {
            UserID = "app",
            // ruleid: secret-generic-password-csharp
            Password = Environment.GetEnvironmentVariable("PASSWORD"),
        };
        var headers = new Dictionary<string, string>
        {
            // ruleid: secret-generic-secret-csharp
            ["X-Api-Key"] = Environment.GetEnvironmentVariable("X_API_KEY"),
            // ruleid: secret-generic-secret-csharp
            { "access_token", Environment.GetEnvironmentVariable("ACCESS_TOKEN") },
            // ok: secret-generic-secret-csharp
            { "token_type", "Bearer2x" },
        };
        // ruleid: secret-generic-secret-csharp
        this.AuthToken = Environment.GetEnvironmentVariable("AUTH_TOKEN");
        // ruleid: secret-generic-password-csharp
        config["Smtp:Password"] = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
        // ruleid: secret-generic-secret-csharp
        config["Jwt:Key"] = Environment.GetEnvironmentVariable("JWT_KEY");
        // ruleid: secret-generic-password-csharp
        var client = new SmtpClient(host, password: Environment.GetEnvironmentVariable("PASSWORD"));
        // ruleid: secret-generic-password-csharp
        var pw = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? "fallb4ck!pw";
        // ok: secret-generic-password-csharp
        var label = new Label { Text = "Password", PasswordChar = "*" };
        // ok: secret-generic-password-csharp
        var errorMessage = "Enter a valid password";
        // ok: secret-generic-password-csharp
        builder.Password = user;
    }
}

public class SettingsTests
{
    [Fact]
    public void Connects()
    {
        // ok: secret-generic-password-csharp
        var password = "Sup3r$ecret!";
    }
}
