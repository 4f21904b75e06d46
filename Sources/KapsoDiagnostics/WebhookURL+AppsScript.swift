internal import KopsHTTP

/// A Google Apps Script web app as a webhook receiver (probe41 P41-3).
///
/// A web app is deployed at `https://script.google.com/macros/s/DEPLOYMENT_ID/exec` (`/dev` for the test deployment; a
/// Workspace domain's is `/a/macros/DOMAIN/s/DEPLOYMENT_ID/exec`), and whoever holds the URL of a deployment open to
/// "Anyone" can post to it, the only access a caller without a Google account (Kapso) has: kops masks the deployment id
/// as it masks a Make or Zapier hook's key (KopsShell `CapabilityURLs.rules`).
///
/// It answers every POST with `302 Moved Temporarily` to a one-time `https://script.googleusercontent.com/macros/echo?
/// user_content_key=…` URL that serves the output of that run: Google's Apps Script guide "Content Service", section
/// "Redirects" (developers.google.com/apps-script/guides/content#redirects), as quoted in isaacs/github#574 ("the script
/// URL redirects to a one-time URL on another domain … it redirects to a different URL each time, so I can't point it to
/// anything else"; GitHub's answer: "point your webhook to a different service which would then forward the delivery");
/// a raw exchange with its `Location` in ziolko/spreadapi#1, and the same on dev.to ("Apps Script Web Apps 回應文字內容的
/// 轉址問題", codemee, 2025). `doPost` has already run when the 302 is sent (ritesh-kanwar/Cashiro PR #75: "`doPost` had
/// already executed on the first hop … duplicate rows"). Kapso counts only a 200 in 10 s as delivered
/// (docs.kapso.ai/docs/platform/webhooks: "Your endpoint must return 200 OK within 10 seconds") and retries the rest
/// (kapso-api.md §10.3), with the same `X-Idempotency-Key` on a delivery's retries (kapso-api.md §10.1, a third-party
/// reading of Kapso's docs [uncertain]). So there is no URL to register in its place, and each attempt most likely ran the
/// script again. A deployment not open to "Anyone" answers a caller without a Google session with a redirect to Google's
/// sign-in instead [uncertain: seen by users of such deployments, no page of Google's found that says it], and then the
/// script did not run: kops cannot see which `Location` Kapso got, so it names both.
extension WebhookURL {
    /// True for a web app's deployment URL (`script.google.com`, a path with `/macros/` and then `/s/ID`), any ASCII case
    /// of the host; false for every other URL (`script.googleusercontent.com` included: it is the redirect's target).
    public static func isAppsScriptWebApp(_ url: String) -> Bool {
        guard let parts = URLParts(url), parts.host.lowercased() == appsScriptHost, let colon = url.firstIndex(of: ":") else {
            return false
        }
        // `URLParts` found `://` at the first colon: the host and path follow it.
        let rest = url[colon...].dropFirst(3)
        let path = rest.drop { $0 != "/" }.prefix { $0 != "?" && $0 != "#" }
        let segments = path.split(separator: "/").map { $0.lowercased() }
        guard let macros = segments.firstIndex(of: "macros"),
            let s = segments[macros...].firstIndex(of: "s"), s + 1 < segments.count
        else { return false }
        return true
    }

    /// The host of Apps Script web apps.
    public static let appsScriptHost = "script.google.com"

    /// What a redirect (`status`, 3xx) from an Apps Script web app means: the one-time redirect after `doPost` ran, so
    /// the script most likely ran on every attempt, and no other URL to register.
    static func appsScriptRedirect(status: Int) -> String {
        "Google Apps Script answered \(status), as a web app answers every POST: it runs doPost, then redirects to a "
            + "one-time script.googleusercontent.com URL holding that run's output (Google, Apps Script \"Content Service\", "
            + "Redirects); Kapso does not follow it, counts the delivery failed and retries it, so the script most likely ran "
            + "on every attempt (de-duplicate on X-Idempotency-Key, the same on a delivery's retries); there is no other URL "
            + "to register: put a relay that answers 200 in front of the script, or move the receiver off Apps Script (if the "
            + "deployment is not open to \"Anyone\", the redirect is Google's sign-in and the script did not run: check "
            + "Deploy > Manage deployments > Who has access)"
    }
}
