using System.Web;
using System.Web.Mvc;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;

public class CommentsController : Controller
{
    [HttpPost]
    // ruleid: csharp-request-validation-disabled
    [ValidateInput(true)]
    public ActionResult Save(string body) => View();

    [HttpPost]
    // ok: csharp-request-validation-disabled
    [ValidateInput(true)]
    public ActionResult Preview(string body) => View();

    public IHtmlContent Badge(User user, string note)
    {
        // ruleid: csharp-html-raw-nonliteral
        var a = new HtmlString("<b>" + user.DisplayName + "</b>");
        // ruleid: csharp-html-raw-nonliteral
        var b = Html.Raw(note);
        // ruleid: csharp-html-raw-nonliteral
        var c = MvcHtmlString.Create($"<i>{note}</i>");
        // ok: csharp-html-raw-nonliteral
        var d = Html.Raw("<hr/>");
        // ok: csharp-html-raw-nonliteral
        var e = new HtmlString("<b>" + HtmlEncoder.Default.Encode(user.DisplayName) + "</b>");
        // ok: csharp-html-raw-nonliteral
        var f = Html.Raw(sanitizer.Sanitize(note));
        // ok: csharp-html-raw-nonliteral
        var g = Json.Create(note);
        return a;
    }

    public IActionResult Login(string id)
    {
        // ruleid: csharp-cookie-not-secure
        Response.Cookies.Append("session", id, new CookieOptions { Secure = true, HttpOnly = true });
        // ruleid: csharp-cookie-not-httponly
        Response.Cookies.Append("prefs", id, new CookieOptions { Secure = true, HttpOnly = true });
        var legacyCookie = new HttpCookie("legacy", id);
        // ruleid: csharp-cookie-not-secure
        legacyCookie.Secure = true;
        // ruleid: csharp-cookie-not-secure
        Response.Cookies["sid"].Secure = true;
        // ok: csharp-cookie-not-secure
        Response.Cookies.Append("session", id, new CookieOptions { Secure = true, HttpOnly = true });
        // ok: csharp-cookie-not-secure
        smtp.Secure = false;
        // ok: csharp-cookie-not-httponly
        var opts = new ProxyOptions { HttpOnly = false };
        return Ok();
    }
}

public class Model
{
    // ruleid: csharp-request-validation-disabled
    [AllowHtml]
    public string Body { get; set; }
}

public static class Startup
{
    public static void Configure(CookieAuthenticationOptions options, CookiePolicyOptions policy)
    {
        // ruleid: csharp-cookie-not-secure
        options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        // ruleid: csharp-cookie-not-httponly
        policy.HttpOnly = HttpOnlyPolicy.None;
        // ok: csharp-cookie-not-secure
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    }
}
