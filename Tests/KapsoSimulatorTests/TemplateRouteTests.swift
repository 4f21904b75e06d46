import Foundation
import Testing
@testable import KapsoSimulator

/// `GET /{waba}/message_templates` (filters, Graph paging) and template sends checked as Meta and Kapso do.
@Suite struct TemplateRouteTests {
    private let list = "/meta/whatsapp/v24.0/200300400500601/message_templates"
    private let send = "/meta/whatsapp/v24.0/100200300400501/messages"

    private func template(
        _ name: String, to contact: String = "14155550157", language: String = "en_US", components: String = "[]"
    ) -> String {
        #"{"messaging_product":"whatsapp","to":"\#(contact)","type":"template","template":{"name":"\#(name)","language":{"code":"\#(language)"},"components":\#(components)}}"#
    }

    private func named(_ pairs: [(String, String)]) -> String {
        let parameters = pairs.map { #"{"type":"text","parameter_name":"\#($0.0)","text":"\#($0.1)"}"# }
        return #"[{"type":"body","parameters":[\#(parameters.joined(separator: ","))]}]"#
    }

    private func names(_ response: LoopbackClient.Response) -> [String] {
        (response.json["data"]?.arrayValue ?? []).map { "\($0["name"]?.stringValue ?? "")/\($0["language"]?.stringValue ?? "")" }
    }

    @Test func listFiltersByStatusCategoryNameAndLanguage() async throws {
        let (all, approved, marketing, byName, spanish) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("GET", list), try client.request("GET", list + "?status=APPROVED"),
                 try client.request("GET", list + "?category=MARKETING"), try client.request("GET", list + "?name=part_ready"),
                 try client.request("GET", list + "?language=es"))
            }
        }
        #expect(all.status == 200)
        #expect(names(all).count == 8)
        #expect(Set(all.json["data"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? [])
            == ["APPROVED", "PENDING", "REJECTED", "PAUSED"])
        #expect(all.json["data"]?.arrayValue?.first?["business_account_id"] == nil)
        #expect(all.json["paging"]?["next"] == nil)
        #expect(names(approved) == ["spring_promo/en_US", "part_ready/es", "part_ready/en_US", "order_update/en_US", "login_code/en_US"])
        #expect(names(marketing) == ["delivery_survey/en_US", "winter_promo/en_US", "spring_promo/en_US"])
        #expect(names(byName) == ["part_ready/es", "part_ready/en_US"])
        #expect(names(spanish) == ["part_ready/es"])
    }

    @Test func graphPagingFollowsCursorsToTheEnd() async throws {
        let pages = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                var pages: [LoopbackClient.Response] = [try client.request("GET", list + "?limit=3")]
                while let after = pages.last?.json["paging"]?["cursors"]?["after"]?.stringValue,
                    pages.last?.json["paging"]?["next"]?.stringValue != nil, pages.count < 10
                {
                    pages.append(try client.request("GET", list + "?limit=3&after=" + QueryEncoding.escape(after)))
                }
                return pages
            }
        }
        #expect(pages.map { names($0).count } == [3, 3, 2])
        #expect(Set(pages.flatMap(names)).count == 8)
        let next = try #require(pages[0].json["paging"]?["next"]?.stringValue)
        #expect(next.hasPrefix("http://") && next.contains("/message_templates?") && next.contains("after="))
        #expect(pages[2].json["paging"]?["previous"]?.stringValue != nil)
    }

    @Test func unknownWABAAndBadLimitAnswerGraphErrors() async throws {
        let (unknown, badLimit) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("GET", "/meta/whatsapp/v24.0/100200300400501/message_templates"),
                 try client.request("GET", list + "?limit=0"))
            }
        }
        #expect(unknown.status == 404)
        #expect(unknown.json["error"]?["code"] == 100)
        #expect(badLimit.status == 400)
        #expect(badLimit.json["error"]?["code"] == 100)
    }

    @Test(arguments: [
        // Unknown name, unknown language, in review, rejected: 132001.
        ("pickup_ready", "en_US", "[]", 404, 132_001),
        ("part_ready", "pt_BR", "[]", 404, 132_001),
        ("delivery_survey", "en_US", "[]", 404, 132_001),
        ("holiday_hours", "en_US", "[]", 404, 132_001),
        ("winter_promo", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":"x"}]}]"#, 400, 132_015),
        ("part_ready", "en_US", "[]", 400, 132_000),
        ("order_update", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":"x"}]}]"#, 400, 132_000),
        ("part_ready", "en_US",
         #"[{"type":"body","parameters":[{"type":"text","parameter_name":"customer","text":"Lee"},{"type":"text","parameter_name":"order_id","text":"A"}]}]"#,
         400, 132_000),
        ("part_ready", "en_US",
         #"[{"type":"body","parameters":[{"type":"text","parameter_name":"customer_name","text":"Lee\nPark"},{"type":"text","parameter_name":"order_id","text":"A"}]}]"#,
         400, 100),
        ("login_code", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":"\#(String(repeating: "9", count: 1_100))"}]}]"#, 400, 132_005),
        // The OTP button must repeat the code.
        ("login_code", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":"123456"}]}]"#, 400, 132_000),
        // What Meta refuses that the simulator took (probe2 F40): an image for a text variable, an empty value,
        // a media link that is not http(s), components that are not a list.
        ("login_code", "en_US", #"[{"type":"body","parameters":[{"type":"image","image":{"link":"https://x.example.test/a.jpg"}}]}]"#, 400, 132_012),
        ("login_code", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":""}]}]"#, 400, 100),
        ("login_code", "en_US", #"[{"type":"body","parameters":[{"type":"text","text":"  "}]}]"#, 400, 100),
        ("spring_promo", "en_US",
         #"[{"type":"header","parameters":[{"type":"image","image":{"link":"ftp://x"}}]},{"type":"body","parameters":[{"type":"text","text":"20%"},{"type":"text","text":"May 1"}]}]"#,
         400, 100),
        ("login_code", "en_US", #""x""#, 400, 100),
    ])
    func refusedTemplateSendsAnswerMetaCodes(_ name: String, _ language: String, _ components: String, _ status: Int, _ code: Int)
        async throws
    {
        let body = template(name, language: language, components: components)
        let (response, messages) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("POST", send, body: body),
                 try client.request("GET", "\(platform)/whatsapp/messages?message_type=template&limit=100"))
            }
        }
        #expect(response.status == status, "\(response.text)")
        #expect(response.json["error"]?["code"]?.intValue == code, "\(response.text)")
        // Nothing refused is stored: the demo seed holds one template message (a failed spring_promo).
        #expect(messages.json["data"]?.arrayValue?.count == 1)
    }

    @Test func mediaHeaderIsRequired_AndMarketingToAStoppedContactIs422() async throws {
        let promo = #"[{"type":"body","parameters":[{"type":"text","text":"20%"},{"type":"text","text":"May 1"}]}]"#
        let withImage = #"[{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.test/a.jpg"}}]},"#
            + #"{"type":"body","parameters":[{"type":"text","text":"20%"},{"type":"text","text":"May 1"}]}]"#
        let (noMedia, stopped, other, preference, subscribed) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("POST", send, body: template("spring_promo", components: promo)),
                 try client.request("POST", send, body: template("spring_promo", to: "14155550142", components: withImage)),
                 try client.request("POST", send, body: template("spring_promo", components: withImage)),
                 try client.request("GET", "\(platform)/whatsapp/contacts/14155550142/marketing_preferences/100200300400501"),
                 try client.request("GET", "\(platform)/whatsapp/contacts/14155550157/marketing_preferences/100200300400501"))
            }
        }
        #expect(noMedia.status == 400)
        #expect(noMedia.json["error"]?["code"]?.intValue == 132_012)
        #expect(stopped.status == 422)
        #expect(stopped.json["code"] == "marketing_preference_stopped")
        #expect(stopped.json["error"] == "Contact stopped marketing messages on this WhatsApp number")
        #expect(other.status == 200, "\(other.text)")
        #expect(preference.json["data"]?["status"] == "stopped")
        #expect(subscribed.status == 404)
        #expect(subscribed.json["error"] == "Marketing preference not found")
    }

    @Test func authenticationTemplateWithItsButtonCodeGoes() async throws {
        let components = #"[{"type":"body","parameters":[{"type":"text","text":"123456"}]},"#
            + #"{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"123456"}]}]"#
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request("POST", send, body: template("login_code", components: components)) }
        }
        #expect(response.status == 200, "\(response.text)")
    }

    @Test func utilityTemplateToAStoppedContactGoes_AndTheWindowDoesNotApply() async throws {
        let body = template("part_ready", to: "14155550142", components: named([("customer_name", "Dana"), ("order_id", "A-1042")]))
        let lee = template("part_ready", components: named([("customer_name", "Lee"), ("order_id", "A-1042")]))
        let (dana, leeSent) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (try client.request("POST", send, body: body), try client.request("POST", send, body: lee))
            }
        }
        #expect(dana.status == 200)
        #expect(leeSent.status == 200, "Lee's window is closed; a template still goes: \(leeSent.text)")
    }

    @Test func sentTemplateIsListed_WithRenderedContent_AndProgresses() async throws {
        let body = template("part_ready", components: named([("customer_name", "Lee"), ("order_id", "A-1042")]))
        let (message, later) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                let sent = try client.request("POST", send, body: body)
                let id = QueryEncoding.escape(sent.json["messages"]?.arrayValue?.first?["id"]?.stringValue ?? "")
                let message = try client.request("GET", "\(platform)/whatsapp/messages/\(id)")
                _ = try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 3}"#)
                return (message, try client.request("GET", "\(platform)/whatsapp/messages/\(id)"))
            }
        }
        let data = message.json["data"]
        #expect(data?["type"] == "template")
        #expect(data?["template"]?["name"] == "part_ready")
        #expect(data?["template"]?["language"]?["code"] == "en_US")
        #expect(data?["template"]?["components"]?.arrayValue?.first?["parameters"]?.arrayValue?.last?["text"] == "A-1042")
        #expect(data?["kapso"]?["content"] == "Hi Lee, the replacement part for order A-1042 is ready for pickup.")
        #expect(data?["kapso"]?["status"] == "sent")
        #expect(later.json["data"]?["kapso"]?["status"] == "delivered")
        // Meta prices a template by its category at the category's rate, not as a free reply in the window.
        let pricing = later.json["data"]?["kapso"]?["statuses"]?.arrayValue?.map { $0["pricing"] }
        let utility: JSONValue = ["billable": true, "pricing_model": "PMP", "category": "utility", "type": "regular"]
        #expect(pricing == [utility, utility], "\(later.text)")
    }
}
