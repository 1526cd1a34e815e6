public static class Db
{
    // ruleid: secret-connection-string-password
    const string Main = "Server=db.prod;Database=app;User Id=app;Password=9vK#p2Rt-xq;Encrypt=True;";
    // ruleid: secret-connection-string-password
    const string Odbc = "Driver={ODBC Driver 18 for SQL Server};Server=db.prod;Uid=app;Pwd=Qm7!vX2pLr;";
    // ruleid: secret-connection-string-password
    const string Pg = "host=db.prod port=5432 dbname=app user=app password=T4nq8Wz1Kx sslmode=require";
    // ruleid: secret-connection-string-password
    const string Reversed = "Password=Zr8wq2Lm4Vx9;Data Source=db.prod;Initial Catalog=app";
    // ok: secret-connection-string-password
    const string Integrated = "Server=db.prod;Database=app;Integrated Security=True;";
    // ok: secret-connection-string-password
    static string Build(string pw) => $"Server=db.prod;Database=app;User Id=app;Password={pw};";
    // ok: secret-connection-string-password
    static string Build2(string pw) => "Server=db.prod;Database=app;User Id=app;Password=" + pw + ";";
    // ok: secret-connection-string-password
    const string Format = "Server={0};Database={1};User Id={2};Password={3};";
    // ok: secret-connection-string-password
    const string Token = "Server=db.prod;Database=app;User Id=app;Password=__DbPassword__;";
    // ok: secret-connection-string-password
    const string Masked = "Server=db.prod;Database=app;User Id=app;Password=********;";
    // ok: secret-connection-string-password
    const string NoServer = "Password=Zr8wq2Lm4Vx9";
    // ok: secret-connection-string-password
    static void Parse(Match result) { var host = result.Groups["host"]; var password = result.Groups?.password; }
    // ok: secret-connection-string-password
    const string Cli = "mysql --host=db.prod --password=Zr8wq2Lm4Vx9";
}
