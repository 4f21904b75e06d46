/// The one rule by which kops reads which of several messages close in time a row found only by its time belongs to:
/// a webhook delivery (Kapso's delivery log holds no WAMID: event, status, times, webhook and
/// `conversation_phone_number`, kapso-api.md §4) or a send call (the API log holds none either, §5). `trace` shares a
/// message's deliveries and send calls out with the contact's (the number's) other messages by it (`SendAttribution`),
/// and `webhooks check` counts a received message as missed by it (`WebhookVerdict.missed`).
///
/// - A message has one row of a kind (one delivery of an event to a webhook, one send call), so rows are paired with
///   messages one to one and in order: the earlier message with the earlier row, pairs never cross; as many pairs as the
///   messages' spans allow, then the least distance in all. A row left over (a second delivery, a retried send) goes to
///   the message nearest it.
/// - A delivery is created after the event it carries (`Order.after`). Meta stamps the message or status and Kapso the
///   delivery, two clocks a second or two apart (`SendWindow`, probe9 P9-18), so a delivery stamped before a message is
///   that message's only through that skew: its distance counts `skew` seconds more.
/// - Both logs stamp whole seconds: a delivery whose distance to another message is within `margin` of its distance to
///   the traced one cannot be told apart by time. It is listed for both, with a line that it may be the other's
///   (tester51 G13: of two messages a contact sent 1 s apart, the first was told the second's failed delivery was its
///   own, with no word of doubt). Send calls keep the tie rule (`Order.either`: only an equal distance is a tie).
public enum TimeMatch {
    /// Seconds a delivery stamped before a message counts beyond its distance: Kapso's and Meta's clocks are a second or
    /// two apart (probe9 P9-18).
    public static let skew: Int64 = 2

    /// Seconds within which two distances are the same to the delivery log's whole-second stamps.
    public static let margin: Int64 = 1

    /// How a row stands to the events it may carry.
    public enum Order: Sendable, Equatable {
        /// Created after the event (a webhook delivery): a row before the message counts `skew` more, ties within `margin`.
        case after
        /// Around the event (a send call and the message it made): distance either way, ties only when equal.
        case either

        var margin: Int64 { self == .after ? TimeMatch.margin : 0 }
    }

    /// A message that may have a row: the time of its event (Unix seconds) and the span its rows may fall in.
    public struct Claimant: Sendable, Equatable {
        public var at: Int64
        public var range: ClosedRange<Int64>

        public init(at: Int64, range: ClosedRange<Int64>) {
            self.at = at
            self.range = range
        }
    }

    /// What a row of the traced message's (claimant 0) is.
    public enum Reading: Sendable, Equatable {
        /// Its own: no other message is as near.
        case own
        /// Listed as its own, but claimant `other` is as near to it (within the margin) or was paired with it: it may be
        /// that message's.
        case either(other: Int)
        /// Claimant `other`'s: nearer to it by more than the margin.
        case other(Int)
    }

    /// Seconds from an event at `event` to a row at `row`, as `order` weighs them.
    public static func distance(_ row: Int64, to event: Int64, order: Order) -> Int64 {
        switch order {
        case .either: abs(row - event)
        case .after: row >= event ? row - event : event - row + skew
        }
    }

    /// The claimant each of `rows` (Unix seconds) goes to (nil: no claimant's span holds it), and the claimants paired
    /// with a row of their own (a row left over goes to its nearest message, which does not make it one of those).
    public static func owners(of rows: [Int64], among claimants: [Claimant], order: Order) -> (owner: [Int?], paired: Set<Int>) {
        let byRow = rows.indices.sorted { (rows[$0], $0) < (rows[$1], $1) }
        let byClaimant = claimants.indices.sorted { (claimants[$0].at, $0) < (claimants[$1].at, $1) }
        let (n, k) = (byRow.count, byClaimant.count)
        // best[i][j]: the most pairs, then the least distance, of the rows from i and the claimants from j on, in order.
        var best = [[Score]](repeating: [Score](repeating: Score(), count: k + 1), count: n + 1)
        func pair(_ i: Int, _ j: Int) -> Score? {
            let (row, claimant) = (rows[byRow[i]], claimants[byClaimant[j]])
            guard claimant.range.contains(row) else { return nil }
            let rest = best[i + 1][j + 1]
            return Score(pairs: rest.pairs + 1, distance: rest.distance + distance(row, to: claimant.at, order: order))
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: k - 1, through: 0, by: -1) {
                var score = best[i + 1][j].better(than: best[i][j + 1]) ? best[i + 1][j] : best[i][j + 1]
                if let paired = pair(i, j), !score.better(than: paired) { score = paired }
                best[i][j] = score
            }
        }
        var owner = [Int?](repeating: nil, count: rows.count)
        var paired: Set<Int> = []
        var (i, j) = (0, 0)
        while i < n && j < k {
            if let score = pair(i, j), score == best[i][j] {
                owner[byRow[i]] = byClaimant[j]
                paired.insert(byClaimant[j])
                (i, j) = (i + 1, j + 1)
            } else if best[i + 1][j] == best[i][j] {
                i += 1
            } else {
                j += 1
            }
        }
        for index in rows.indices where owner[index] == nil {
            owner[index] = claimants.indices.filter { claimants[$0].range.contains(rows[index]) }.min { a, b in
                (distance(rows[index], to: claimants[a].at, order: order), a) < (distance(rows[index], to: claimants[b].at, order: order), b)
            }
        }
        return (owner, paired)
    }

    /// What a row at `row` that `owners` gave to `owner` is to the traced message, claimant 0: another's when that one is
    /// nearer by more than the margin; else listed as the traced one's, and `either` when another that could have it
    /// (its span holds it) is within the margin as near, or was paired with it although the traced one is as near.
    public static func reading(_ row: Int64, owner: Int?, among claimants: [Claimant], order: Order) -> Reading {
        guard let traced = claimants.first else { return .own }
        let own = distance(row, to: traced.at, order: order)
        if let owner, owner != 0 {
            return own > distance(row, to: claimants[owner].at, order: order) + order.margin ? .other(owner) : .either(other: owner)
        }
        let rival = claimants.indices.dropFirst().filter { claimants[$0].range.contains(row) }
            .map { (index: $0, distance: distance(row, to: claimants[$0].at, order: order)) }
            .filter { $0.distance <= own + order.margin }
            .min { ($0.distance, $0.index) < ($1.distance, $1.index) }
        return rival.map { .either(other: $0.index) } ?? .own
    }

    /// A pairing's worth: more pairs first, then less distance.
    struct Score: Equatable {
        var pairs = 0
        var distance: Int64 = 0

        func better(than other: Score) -> Bool {
            pairs != other.pairs ? pairs > other.pairs : distance < other.distance
        }
    }
}
