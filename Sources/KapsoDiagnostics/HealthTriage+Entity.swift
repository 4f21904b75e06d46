public import KapsoClient

// MARK: - messaging_health entities

extension HealthTriage {
    /// One entity of `messaging_health.details.entities[]` that has errors or is not AVAILABLE, as kops reads it.
    ///
    /// Each entity (`PHONE_NUMBER`, `WABA`, `BUSINESS`, `APP`, …) has its own `can_send_message` and `errors`, and the
    /// overall state is the worst of them (kapso-api.md §2.3; Meta, "Messaging and calling health status",
    /// https://developers.facebook.com/docs/whatsapp/cloud-api/health-status). So the cause of BLOCKED is the entity
    /// that is BLOCKED (a WABA's 141006 payment error, kapso-api.md §9.5), and a LIMITED phone number's 138024 beside it
    /// is another problem, not the cause (probe26 P26-5).
    struct EntityReading: Equatable {
        /// `entity_type` as Meta wrote it, or `entity`.
        var type: String
        /// `can_send_message`, when given.
        var state: String?
        /// `code description` of each error, e.g. `141006 There is an error with the payment method.`.
        var errors: [String]
        /// The first error's code.
        var code: String?
        /// The first error's `possible_solution`.
        var solution: String?
        /// `additional_info` lines.
        var info: [String]
        /// The error descriptions, read by `LimitedMessaging.fix` as `additional_info` is.
        var descriptions: [String]
        /// The position in the list, so two entities that read alike stay apart.
        var index: Int
        /// The number's `name_status` when its record was read, for a limit whose reason is the display name.
        var nameStatus: DisplayNameStatus? = nil

        /// Every entity with errors or a state other than AVAILABLE, in Meta's order.
        static func all(_ details: JSONObject, nameStatus: DisplayNameStatus? = nil) -> [EntityReading] {
            let entities = details["entities"]?.array?.compactMap(\.object) ?? []
            return entities.enumerated().compactMap { index, entity in
                let errors = entity["errors"]?.array?.compactMap(\.object) ?? []
                let state = entity["can_send_message"]?.string
                guard !errors.isEmpty || (state.map { $0 != "AVAILABLE" } ?? false) else { return nil }
                let code = { (error: JSONObject) in error["error_code"]?.string ?? error["error_code"]?.int.map(String.init) }
                return EntityReading(
                    type: entity["entity_type"]?.string ?? "entity", state: state,
                    errors: errors.map { error in
                        [code(error), error["error_description"]?.string].compactMap { $0 }.joined(separator: " ")
                    }.filter { !$0.isEmpty },
                    code: errors.first.flatMap(code), solution: errors.first?["possible_solution"]?.string.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 },
                    info: entity["additional_info"]?.array?.compactMap(\.string) ?? [],
                    descriptions: errors.compactMap { $0["error_description"]?.string }, index: index, nameStatus: nameStatus)
            }
        }

        /// What an entity whose messaging is AVAILABLE still reports: calling over SIP not AVAILABLE (`can_receive_call_sip`
        /// of the PHONE_NUMBER entity), and errors listed beside an AVAILABLE state, e.g. `calling over SIP: BLOCKED;
        /// PHONE_NUMBER lists 138018 SIP is not configured …, though its messaging is AVAILABLE`; nil when none (tester55 X3).
        static func availableNote(_ details: JSONObject) -> String? {
            let entities = details["entities"]?.array?.compactMap(\.object) ?? []
            var notes: [String] = []
            for entity in entities {
                if let sip = entity["can_receive_call_sip"]?.string, sip != "AVAILABLE" { notes.append("calling over SIP: \(sip)") }
            }
            for entity in all(details) where entity.state == "AVAILABLE" {
                // Meta's descriptions end with a full stop ("SIP is not enabled for this business phone number."),
                // which would end this clause mid-sentence (tester67 Y6e).
                let words = entity.words.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 } ?? "an error"
                notes.append("\(entity.type) lists \(words), though its messaging is AVAILABLE")
            }
            return notes.isEmpty ? nil : notes.joined(separator: "; ")
        }

        /// The entity that explains `overall`: the first whose state is it, else the first not AVAILABLE, else the first
        /// with errors.
        static func cause(of overall: String, in entities: [EntityReading]) -> EntityReading? {
            entities.first { $0.state == overall }
                ?? entities.first { $0.state.map { $0 != "AVAILABLE" } ?? false }
                ?? entities.first
        }

        /// Its errors, else its first `additional_info` line (the rest is detail): `141006 There is an error with the
        /// payment method.`; nil when neither.
        var words: String? {
            errors.isEmpty ? info.first : errors.joined(separator: "; ")
        }

        /// `WABA: 141006 There is an error with the payment method.`, or the type alone.
        var text: String { words.map { "\(type): \($0)" } ?? type }

        /// The catalogue's entry for its first error code.
        var entry: ErrorCatalog.Entry? { code.flatMap(ErrorCatalog.entry(for:)) }

        /// What to do: the catalogue's fix for its code, else `LimitedMessaging`'s reading of what Meta wrote (its
        /// `additional_info` and error descriptions: an `error_description` is a reason Meta gave), with Meta's
        /// `possible_solution` after either.
        var fix: String {
            let own = entry?.fix ?? LimitedMessaging.fix(entityType: type, info: info + descriptions, nameStatus: nameStatus)
            return own + (solution.map { "; Meta suggests: \($0)" } ?? "")
        }
    }
}
