internal import Foundation
internal import KapsoClient

extension Redactor {
    /// A request URL as `--verbose` prints it: each path segment and query value read percent-decoded, as the
    /// transcript reads the line that was typed, and masked where this redactor masks that text (shown encoded again,
    /// its mask as `<redacted>`); then the URL as a whole, as before (probe29 P29-11: `query=token%3D<redacted>`).
    ///
    /// Probe33 P33-5: a typed Slack hook searched for (`logs search https://hooks.slack.com/services/T…/B…/SECRET`) was
    /// `<redacted>` in the transcript and printed in clear in the verbose line, percent-encoded
    /// (`%2FB0EF45GH6%2FSECRET`), where the rule for hooks reads URLs with `://` only.
    public func redact(requestURL url: String) -> String {
        guard url.contains("%") else { return redact(url) }
        let authorityStart = url.range(of: "://")?.upperBound ?? url.startIndex
        let pathStart = url[authorityStart...].firstIndex { $0 == "/" || $0 == "?" } ?? url.endIndex
        let queryStart = url[pathStart...].firstIndex(of: "?") ?? url.endIndex
        let path = url[pathStart..<queryStart].split(separator: "/", omittingEmptySubsequences: false).map(maskedDecoded)
        var result = String(url[..<pathStart]) + path.joined(separator: "/")
        if queryStart < url.endIndex {
            let pairs = url[url.index(after: queryStart)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
                guard let equals = pair.firstIndex(of: "=") else { return maskedDecoded(pair) }
                return String(pair[...equals]) + maskedDecoded(pair[pair.index(after: equals)...])
            }
            result += "?" + pairs.joined(separator: "&")
        }
        return redact(result)
    }

    /// `component` as it is when it holds no escape or nothing to mask once decoded; else its decoded text masked and
    /// encoded again (`percentEncode`, as the client encoded it), each `<redacted>` left as it reads.
    private func maskedDecoded(_ component: Substring) -> String {
        guard component.contains("%"), let decoded = String(component).removingPercentEncoding else { return String(component) }
        let masked = redact(decoded)
        guard masked != decoded else { return String(component) }
        return masked.split(separator: "<redacted>", omittingEmptySubsequences: false).map { percentEncode(String($0)) }
            .joined(separator: "<redacted>")
    }
}
