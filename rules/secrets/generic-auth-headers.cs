class Api
{
    void Configure(HttpClient client)
    {
        // ruleid: secret-http-basic-auth
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "c3ZjLWNpOlQ0bnE4V3oxS3g=");
        // ruleid: secret-http-bearer-token
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "q8Zr2LmV7xNc4TyB1sKd6FhJ");
        // ok: secret-http-bearer-token
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
