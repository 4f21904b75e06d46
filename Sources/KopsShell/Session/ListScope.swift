internal import KapsoClient

/// The session state a stored page cursor depends on: the profile and API it was fetched from and, for a list of the
/// selected number (`ListSource.followsSelectedNumber`), that number.
///
/// A cursor is kept with its scope rather than cleared by each command that changes one of them, so no way of changing
/// the selection can leave `next` printing page 2 of the old number's list under the new one (probe29 P29-18: `use
/// OTHER; next` showed Support Line's failed 131047 send as if it were Sales Line's).
public struct ListScope: Sendable, Equatable {
    public var profile: String
    public var baseURL: String
    /// The number the list belongs to; nil for a list that does not follow the selection, or when none was selected.
    public var phoneNumberID: String?

    public init(profile: String, baseURL: String, phoneNumberID: String?) {
        self.profile = profile
        self.baseURL = baseURL
        self.phoneNumberID = phoneNumberID
    }

    /// How the list's scope and the session's differ, in the words of `next`'s refusal: the number (`100200300400501`,
    /// `all numbers`), or the profile when that changed.
    func difference(from now: ListScope) -> (was: String, now: String) {
        guard profile == now.profile, baseURL == now.baseURL else {
            return ("profile \(profile) (\(baseURL))", "profile \(now.profile) (\(now.baseURL))")
        }
        return (phoneNumberID ?? "all numbers", now.phoneNumberID ?? "all numbers")
    }
}

extension ListSource {
    /// True for a list whose rows depend on the selected number: messages and conversations (filtered by it),
    /// a number's webhooks and its WABA's templates. A list of the project's numbers, webhooks, deliveries or logs
    /// stays the same after `use`.
    var followsSelectedNumber: Bool {
        switch self {
        case .messages, .conversations, .templates: true
        case .webhooks(let scope, _): scope != .project
        case .phoneNumbers, .deliveries, .apiLogs, .logSearch: false
        }
    }
}

extension Session {
    /// The scope a list of `source` fetched now has.
    public func listScope(for source: ListSource) -> ListScope {
        ListScope(profile: profile, baseURL: baseURL, phoneNumberID: source.followsSelectedNumber ? phoneNumberID : nil)
    }

    /// The last list when `next` may continue it: fetched under this session's profile, API and (for a number's list)
    /// number; nil when there is none or it belongs to another selection.
    public var continuableList: ListCursor? {
        lastList.flatMap { $0.scope == listScope(for: $0.source) ? $0 : nil }
    }

    /// A cursor for `source`'s page after this one, scoped to the session as it is now.
    func cursor(_ source: ListSource, nextQuery: [(String, String)]) -> ListCursor {
        ListCursor(source: source, nextQuery: nextQuery, scope: listScope(for: source))
    }
}
