using System;
using System.Linq;
using System.Security.Cryptography;

public class TokenService
{
    // ok: csharp-insecure-random
    private static readonly Random Jitter = new Random();

    public string GenerateResetToken()
    {
        // ruleid: csharp-insecure-random
        return new Random().Next().ToString("x8");
    }

    public void Login(User user)
    {
        // ruleid: csharp-insecure-random
        var sessionId = Random.Shared.NextInt64().ToString();
        // ruleid: csharp-insecure-random
        user.ApiKey = string.Concat(Enumerable.Range(0, 32).Select(_ => (char)('a' + Random.Shared.Next(26))));
        // ok: csharp-insecure-random
        var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(100, 500));
        // ok: csharp-insecure-random
        var csrfToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string CreatePassword(int length)
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        // ruleid: csharp-insecure-random
        var rng = new Random();
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
    }

    public T PickReplica<T>(T[] replicas)
    {
        // ok: csharp-insecure-random
        return replicas[new Random().Next(replicas.Length)];
    }
}
