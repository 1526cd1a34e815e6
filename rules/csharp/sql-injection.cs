using System.Data.SqlClient;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

public class UserRepository
{
    private const string Table = "Users";

    public void Ado(SqlConnection conn, string name, int id, string sort)
    {
        // ruleid: csharp-sql-command-built
        var cmd = new SqlCommand($"SELECT * FROM Users WHERE Name = '{name}'", conn);
        // ruleid: csharp-sql-command-built
        cmd.CommandText = "DELETE FROM Sessions WHERE UserId = " + id;
        // ruleid: csharp-sql-command-built
        cmd.CommandText = string.Format("SELECT * FROM Users ORDER BY {0}", sort);
        // ruleid: csharp-sql-command-built
        var users = conn.Query<User>(@"SELECT * FROM Users
                                       WHERE Name = '" + name + "'");
        // ruleid: csharp-sql-command-built
        var cmd2 = new SqlCommand { CommandText = $"UPDATE Users SET Name = '{name}' WHERE Id = {id}" };

        // ok: csharp-sql-command-built
        var safe = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
        safe.Parameters.Add(new SqlParameter("@name", name));
        // ok: csharp-sql-command-built
        var constant = new SqlCommand("SELECT Id, Name " + "FROM Users " + "WHERE Active = 1", conn);
        // ok: csharp-sql-command-built
        var dapper = conn.Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });
        // ok: csharp-sql-command-built
        var noHoles = new SqlCommand($"SELECT COUNT(*) FROM Users", conn);
        // ok: csharp-sql-command-built
        logger.Execute($"deleted from cache: {name}");
        // ok: csharp-sql-command-built
        var label = new SqlCommand("INSERT INTO Audit(Label) VALUES (@l)", conn) { CommandTimeout = 30 };
    }

    public async Task Ef(AppDbContext db, string name, int userId, string role)
    {
        // ruleid: csharp-ef-fromsqlraw-interpolated
        var u = db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ruleid: csharp-ef-executesqlraw-interpolated
        db.Database.ExecuteSqlRaw($"DELETE FROM Carts WHERE UserId = {userId}");
        // ok: csharp-ef-fromsqlraw-interpolated
        var v = db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        // ok: csharp-ef-fromsqlraw-interpolated
        var w = db.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name).ToList();
        // ok: csharp-ef-executesqlraw-interpolated
        db.Database.ExecuteSqlRaw($"TRUNCATE TABLE Carts");
        // ok: csharp-ef-executesqlraw-interpolated
        db.Database.ExecuteSql($"DELETE FROM Carts WHERE UserId = {userId}");

        // ruleid: csharp-ef-raw-sql-built
        await db.Database.ExecuteSqlRawAsync("UPDATE Users SET Role = '" + role + "' WHERE Id = " + userId);
        // ruleid: csharp-ef-raw-sql-built
        var x = db.Users.FromSqlRaw(string.Format("SELECT * FROM Users WHERE Role = '{0}'", role)).ToList();
        // ruleid: csharp-ef-raw-sql-built
        var n = db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) FROM Users WHERE Role = '{role}'").Single();
        // ok: csharp-ef-raw-sql-built
        await db.Database.ExecuteSqlRawAsync("UPDATE Users SET Role = {0} WHERE Id = {1}", role, userId);
        // ok: csharp-ef-raw-sql-built
        var y = db.Users.FromSqlRaw("SELECT * FROM Users " + "WHERE Active = 1").ToList();
        // ok: csharp-ef-raw-sql-built
        await db.Database.ExecuteSqlAsync($"UPDATE Users SET Role = {role} WHERE Id = {userId}");
    }
}
