internal import Foundation

/// The facts at the top of a transcript: kops version, UTC time, profile, API host, phone-number id.
///
/// Never holds a key. The time and host are given by the caller, so golden transcripts can fix them.
public struct TranscriptHeader: Sendable, Equatable {
    public var version: String
    /// `2026-11-21T12:00:00Z`.
    public var time: String
    public var profile: String
    /// The API host as a label, e.g. `api.kapso.ai` (or `kapso-sim` in goldens).
    public var host: String
    public var phoneNumberID: String?
    /// True when phone numbers, contact names and message bodies were kept (`record --keep-pii`).
    public var keepPII: Bool

    public init(
        version: String = KopsVersion.current, time: String, profile: String, host: String, phoneNumberID: String?,
        keepPII: Bool = false
    ) {
        self.version = version
        self.keepPII = keepPII
        self.time = time
        self.profile = profile
        self.host = host
        self.phoneNumberID = phoneNumberID
    }

    /// A header for the current time, from the session.
    public init(session: Session, host: String, keepPII: Bool = false) {
        self.init(
            time: TranscriptHeader.now, profile: session.profile, host: host, phoneNumberID: session.phoneNumberID,
            keepPII: keepPII)
    }

    /// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
    public static var now: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// The Markdown lines, ending in a blank line.
    public var markdown: String {
        """
        # kops transcript

        - kops: \(version)
        - recorded: \(time)
        - profile: \(profile)
        - api: \(host)
        - phone number id: \(phoneNumberID ?? "none")
        - personal data: \(keepPII ? "kept" : "masked")


        """
    }
}
