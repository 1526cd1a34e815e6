using System;
using System.Collections.Generic;
using Microsoft.Data.SqlClient;
using Xunit;

public class Settings
{
    // ruleid: secret-generic-password-csharp
    private const string DbPassword = "Tr0ub4dor&3x";
    // ruleid: secret-generic-secret-csharp
    public string ApiKey { get; set; } = "9f2c1e7b4d8a4f0c9e2b";
    // ruleid: secret-generic-secret-csharp
    private static readonly string ClientSecret = "q8Zr2LmV7xNc4TyB1sKd6FhJ";
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
        var adminPassword = "S3cr3t!2024x";
        var builder = new SqlConnectionStringBuilder
        {
            UserID = "app",
            // ruleid: secret-generic-password-csharp
            Password = "Pa55w0rd!x",
        };
        var headers = new Dictionary<string, string>
        {
            // ruleid: secret-generic-secret-csharp
            ["X-Api-Key"] = "3f9a7c1e5b2d8f4a6c0e",
            // ruleid: secret-generic-secret-csharp
            { "access_token", "e1d2c3b4a5f6e7d8c9b0a1f2" },
            // ok: secret-generic-secret-csharp
            { "token_type", "Bearer2x" },
        };
        // ruleid: secret-generic-secret-csharp
        this.AuthToken = "f0e1d2c3b4a5968778695a4b";
        // ruleid: secret-generic-password-csharp
        config["Smtp:Password"] = "Adm1n#2024";
        // ruleid: secret-generic-secret-csharp
        config["Jwt:Key"] = "4b9c2a6f8e3d5b0c7d1e";
        // ruleid: secret-generic-password-csharp
        var client = new SmtpClient(host, password: "Sm7p!pass");
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
