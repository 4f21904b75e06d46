public import KapsoClient

/// `webhooks check` of webhooks whose deliveries could not be read (tester56b AA12: one failed read of the delivery log
/// dropped every finding, the configuration's included). The rules on the configuration still run (events and scope,
/// URL, number, payload version, secret, buffering, headers); those that read deliveries (a receiver failing, recovered
/// or retried, stuck deliveries, failures at a previous URL, missed messages) say nothing; a pause is said without its
/// cause, which only the deliveries before it show (`WebhookVerdict.Pause`).
extension WebhookCheck {
    mutating func checkUnread(_ verdict: WebhookVerdict, why: String, number: String?, projectNumbers: [String]?, apiIsLocal: Bool) {
        let webhook = verdict.webhook
        check(webhook, number: number, projectNumbers: projectNumbers)
        checkScheme(webhook, deliveries: [])
        checkSecretStrength(webhook)
        checkDelivery(webhook, verdict: verdict, number: number, projectNumbers: projectNumbers, apiIsLocal: apiIsLocal)
        guard !webhook.active else { return }
        var problem = "paused (active: false): nothing is delivered to it"
        if let updated = verdict.updated { problem += "; last changed at \(verdict.when(updated))" }
        problem += "; whether its receiver failed before that is not known: its deliveries could not be read (\(why))"
        let list = DeliveryPeriod.command(webhookID: webhook.id, errors: true, period: "7d")
        add(
            .warning, webhook, problem,
            fix: insteadOfUpdate(
                webhook,
                replaced: "'\(list)' shows whether its receiver failed; \(Self.replacingCreate) makes an active one (add "
                    + "--active false to keep it paused)")
                ?? "'\(list)' shows whether its receiver failed before the pause: if so, fix it first; then webhooks update "
                + "\(webhook.id) --active true")
    }

    /// The line `webhooks check` prints for the webhooks whose deliveries could not be read (`unread`, by id, with why),
    /// `urls` by id naming each: `the deliveries of 1b2c… (https://…) could not be read (the API failed (503): …): …`.
    /// Nil when every webhook's were read.
    public static func unreadLine(_ unread: [(id: String, why: String)], urls: [String: String]) -> String? {
        guard let first = unread.first else { return nil }
        let named = unread.map { item in urls[item.id].map { "\(item.id) (\($0))" } ?? item.id }
        let whys = unread.map(\.why).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let webhooks = unread.count == 1 ? named[0] : "\(unread.count) webhooks, \(IDResolver.list(named)),"
        return "the deliveries of \(webhooks) could not be read (\(whys.count == 1 ? first.why : whys.joined(separator: "; "))): "
            + "what they say (a receiver failing or retried, deliveries stuck, messages missed, why a webhook was paused) "
            + "is not checked; run 'webhooks check' again in a minute"
    }
}

extension WebhookCheck {
    /// A read beside the webhooks and their deliveries that failed for one number: its inbound messages or its health
    /// (fix58D: a 503 on either failed all of `webhooks check`, or passed the health rule silently). Only the rules that
    /// read it are left unchecked, and `lines` says which.
    public struct SideRead: Sendable, Equatable {
        /// What was not read.
        public enum Part: String, Sendable, CaseIterable {
            /// `GET …/messages?phone_number_id=N&direction=inbound`: whether a receiver missed messages (`silent`,
            /// `stopped`, `checkFewer`) and how many arrived since a pause.
            case inboundMessages = "inbound messages"
            /// `GET …/phone_numbers/N/health`: whether the app's subscription lets message events fire (`checkSubscriptions`).
            case health
        }

        public var part: Part
        public var number: String
        /// The API's error, as its message says it.
        public var why: String

        public init(part: Part, number: String, why: String) {
            self.part = part
            self.number = number
            self.why = why
        }

        /// `{"read": "health", "phone_number_id": "…", "why": "…"}`.
        public var json: JSONValue {
            .object(["read": .string(part.rawValue), "phone_number_id": .string(number), "why": .string(why)])
        }

        /// One line per part not read, its numbers and why, and what it leaves unchecked: `the inbound messages of
        /// 100200300400501 could not be read (the API failed (503): …): whether its webhooks missed messages … is not
        /// checked; run 'webhooks check' again in a minute`. Empty when all was read.
        public static func lines(_ reads: [SideRead]) -> [String] {
            Part.allCases.compactMap { part in
                let these = reads.filter { $0.part == part }
                guard !these.isEmpty else { return nil }
                var numbers: [String] = []
                var whys: [String] = []
                for read in these {
                    if !numbers.contains(read.number) { numbers.append(read.number) }
                    if !whys.contains(read.why) { whys.append(read.why) }
                }
                let one = numbers.count == 1
                let whose = one ? "its" : "their"
                let unchecked = switch part {
                case .inboundMessages:
                    "whether \(whose) webhooks missed inbound messages, or got far fewer deliveries than messages, is not checked"
                case .health:
                    "whether \(one ? "its" : "each one's") app subscription lets message events reach \(whose) webhooks is not checked"
                }
                return "the \(part.rawValue) of \(IDResolver.list(numbers)) could not be read (\(whys.joined(separator: "; "))): "
                    + "\(unchecked); run 'webhooks check' again in a minute"
            }
        }

        /// The parts not read, in `lines`'s order, for the count line: `inbound messages`, `health`.
        public static func parts(_ reads: [SideRead]) -> [String] {
            Part.allCases.filter { part in reads.contains { $0.part == part } }.map(\.rawValue)
        }
    }
}
