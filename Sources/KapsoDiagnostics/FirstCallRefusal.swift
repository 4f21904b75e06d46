/// What to do after a 403, 405 or 426 answered the session's first call, before the host answered anything (tester55
/// X10: `faults 403:path=/phone_numbers` gave only "the API rejected the request (403): Forbidden").
///
/// None of the three is an answer Kapso documents for a project key reading its own project: a project key "provides
/// access to all resources within that project" (docs.kapso.ai/api-reference/introduction; the Platform API overview,
/// docs.kapso.ai/api/platform/v1/platform-api-overview, names no permission levels), the Platform API's error table
/// lists 403 only for refusals such as a sandbox configuration (kapso-api.md §1.5, §9.3) and has no 405 or 426. A 405
/// (Method Not Allowed, RFC 9110 §15.5.6) says the host has no such route for the method; a 426 (Upgrade Required, RFC
/// 9110 §15.5.22) asks for another protocol, what an https-only host answers plain http. So the base URL and what
/// stands in front of the API come first; kops cannot tell them apart from one status, and says so.
public enum FirstCallRefusal {
    /// The statuses read here.
    public static let statuses: Set<Int> = [403, 405, 426]

    /// The next step for `status` answered from `base` (the base URL as configured, `origin` where it came from, e.g.
    /// ` (flag --base-url)`); nil for another status.
    public static func nextStep(status: Int, base: String, origin: String = "") -> String? {
        let change = "'state' shows it, --base-url or 'profile' changes it"
        let isKapso = BaseURLShape.isKapsoHost(base)
        let isHTTP = base.lowercased().hasPrefix("http://")
        switch status {
        case 426 where isHTTP:
            return "a 426 (Upgrade Required) asks for another protocol: most likely the base URL \(base)\(origin) is plain "
                + "http:// to a host that serves https only; write https:// (Kapso's is \(BaseURLShape.kapsoHost)); \(change)"
        case 405, 426:
            let what = status == 405 ? "a 405 (Method Not Allowed) to a route Kapso's API serves" : "a 426 (Upgrade Required)"
            if isKapso {
                return "\(what) is no answer Kapso's API documents, though the base URL is Kapso's host: "
                    + "a proxy or gateway in between most likely answered; check the network (HTTPS_PROXY) and retry"
            }
            return "\(what) is no answer Kapso's API documents: the base URL \(base)\(origin) most likely "
                + "reaches something other than Kapso's API (another service, a website, a gateway's default route); "
                + "Kapso's is \(BaseURLShape.kapsoHost); \(change)"
        case 403:
            let host = isKapso ? "" : ", or a base URL that is not Kapso's API (\(base)\(origin); \(change))"
            return "Kapso's docs give a project key access to every resource of its project and list 403 only for refusals "
                + "such as a sandbox configuration, so kops cannot tell the cause from this status: most "
                + "likely something in front of the API (a firewall, a proxy, an IP allow-list)\(host); check the network "
                + "(HTTPS_PROXY), and if it stays, ask Kapso support whether this key or project is restricted"
        default:
            return nil
        }
    }
}
