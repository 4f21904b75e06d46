import KapsoDiagnostics
import Testing

/// probe41 P41-3: a Google Apps Script web app answers every POST with a 302 to a one-time URL, after doPost has run;
/// "register the URL it redirects to" was wrong advice, and the retries ran the script again.
@Suite struct AppsScriptWebhookTests {
    static let deployment = "AKfycbx1234567890abcdefghijklmnopqrstuvwxyzABCDEF"

    @Test(arguments: [
        "https://script.google.com/macros/s/\(deployment)/exec", "https://script.google.com/macros/s/\(deployment)/dev",
        "https://Script.Google.com/a/macros/acme.example/s/\(deployment)/exec", "https://script.google.com/macros/s/<redacted>/exec",
    ])
    func aWebAppsRedirectIsNamedWithNoURLToRegister(url: String) {
        #expect(WebhookURL.isAppsScriptWebApp(url))
        for status in [302, 301, 307] {
            let meaning = ErrorTriage.deliveryMeaning(status: status, url: url)
            #expect(meaning.hasPrefix("Google Apps Script answered \(status), as a web app answers every POST: it runs doPost"))
            #expect(meaning.contains("there is no other URL to register") && meaning.contains("X-Idempotency-Key"))
            #expect(!meaning.contains("register the URL it redirects to"))
        }
    }

    @Test(arguments: [
        "https://script.googleusercontent.com/macros/echo?user_content_key=abc&lib=def", "https://example.com/macros/s/x/exec",
        "https://script.google.com/home", "https://script.google.com/macros/d/PROJECT/usercallback",
    ])
    func otherURLsKeepTheRedirectAdvice(url: String) {
        #expect(!WebhookURL.isAppsScriptWebApp(url))
        #expect(ErrorTriage.deliveryMeaning(status: 302, url: url).contains("register the URL it redirects to"))
    }
}
