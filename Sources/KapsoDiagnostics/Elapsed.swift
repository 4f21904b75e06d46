/// Spans of time in words for people: `2 s`, `4 min`, `2 h`, `2 h 45 min`, `3 d 4 h`.
public enum Elapsed {
    /// The span between two Unix times, sign ignored.
    public static func text(_ seconds: Int64) -> String {
        let span = abs(seconds)
        switch span {
        case ..<60: return "\(span) s"
        case ..<3_600: return "\(span / 60) min"
        case ..<86_400:
            let minutes = span % 3_600 / 60
            return "\(span / 3_600) h" + (minutes == 0 ? "" : " \(minutes) min")
        default:
            let hours = span % 86_400 / 3_600
            return "\(span / 86_400) d" + (hours == 0 ? "" : " \(hours) h")
        }
    }
}
