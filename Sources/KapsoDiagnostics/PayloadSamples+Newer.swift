public import KapsoClient

// MARK: - v2 bodies of the events added in kapso-api.md §14.1

extension PayloadSamples {
    /// Contact, handover, number-lifecycle, account, custom and agent-run events. The contact bodies follow
    /// gokapso/agent-skills `webhooks-event-types.md`; the others are reconstructed (`documentedPayload` false in
    /// `WebhookEvents.catalog`), as Kapso names them without publishing a payload (docs/webhook-events.md).
    static func newerV2Body(_ event: String) -> JSONValue? {
        let last = String(event.split(separator: ".").last ?? "")
        switch event {
        case "whatsapp.contact.marketing_preference_changed":
            return [
                "contact": Story.danaContact(identity: false),
                "marketing_preference": [
                    "status": "stopped", "previous_status": "resumed",
                    "detail": "User requested to stop marketing messages", "occurred_at": "2026-11-20T15:02:11Z",
                    "sequence": 42,
                ],
                "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.contact.identity_changed":
            return [
                "contact": Story.danaContact(identity: true),
                "previous": [
                    "business_scoped_user_id": "US.13491208655302741918",
                    "parent_business_scoped_user_id": "US.ENT.506847293015824",
                ],
                "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.meta_business_agent.handover":
            return [
                "conversation": Story.danaConversation(summary: true),
                "handover": [
                    "source": "meta_business_agent", "reason": "customer asked for a person",
                    "occurred_at": "2026-11-20T14:30:09Z",
                ],
                "phone_number_id": .string(Story.support),
            ]
        case "whatsapp.phone_number.offboarded", "whatsapp.phone_number.disconnected",
            "whatsapp.phone_number.reconnected":
            return [
                "phone_number_id": .string(Story.sales), "project": ["id": .string(Story.project)],
                "customer": ["id": .string(Story.customer)], "occurred_at": "2026-11-20T16:00:00Z",
            ]
        case "whatsapp.account.disabled", "whatsapp.account.restricted", "whatsapp.account.reinstated",
            "whatsapp.account.violation":
            return Story.account(last)
        case "project.event":
            return [
                "event": "project.event", "name": "order.shipped", "occurred_at": "2026-11-20T14:35:00Z",
                "project_id": .string(Story.project), "conversation_id": .string(Story.danaID),
                "data": ["order": "A-1042", "carrier": "UPS"],
            ]
        case "kapso_agent.run.approval_required", "kapso_agent.run.completed", "kapso_agent.run.failed",
            "kapso_agent.run.cancelled":
            return Story.agentRun(last)
        default:
            return nil
        }
    }
}

extension Story {
    static let danaBSUID = "US.27381046519283746501"

    /// Dana as a contact; with `identity`, her business-scoped user ids and username after a change.
    static func danaContact(identity: Bool) -> JSONValue {
        var contact: JSONObject = [
            "id": "c7d8e9f0-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "wa_id": "14155550142", "profile_name": "Dana Ortiz",
            "display_name": "Dana Ortiz", "created_at": "2026-11-06T10:12:00Z", "updated_at": "2026-11-20T15:02:11Z",
        ]
        if identity {
            contact["business_scoped_user_id"] = .string(danaBSUID)
            contact["parent_business_scoped_user_id"] = "US.ENT.506847293015825"
            contact["username"] = "@dana.ortiz"
        }
        return .object(contact)
    }

    /// An account enforcement event for the fixtures' WABA (`disabled`, `restricted`, `reinstated`, `violation`).
    static func account(_ kind: String) -> JSONValue {
        var body: JSONObject = [
            "business_account_id": "200300400500601", "project": ["id": .string(project)],
            "customer": ["id": .string(customer)], "occurred_at": "2026-11-20T16:05:00Z",
        ]
        switch kind {
        case "restricted":
            body["restriction"] = ["type": "RESTRICTED_ADD_PHONE_NUMBER_ACTION", "expires_at": "2026-11-27T16:05:00Z"]
        case "violation":
            body["violation"] = ["type": "SCAM", "description": "messages reported as scams by recipients"]
        default:
            body["reason"] = kind == "disabled" ? "policy_violation" : "appeal_approved"
        }
        return .object(body)
    }

    /// An agent run of the fixtures' project (`approval_required`, `completed`, `failed`, `cancelled`).
    static func agentRun(_ status: String) -> JSONValue {
        var body: JSONObject = [
            "event": .string("kapso_agent.run." + status), "occurred_at": "2026-11-20T14:31:30Z",
            "project_id": .string(project), "agent_id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "run_id": "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", "status": .string(status),
            "whatsapp_conversation_id": .string(danaID),
        ]
        switch status {
        case "approval_required": body["approval"] = ["tool": "refund_order", "arguments": ["order": "A-1042"]]
        case "completed": body["result"] = ["summary": "told Dana the order ships today"]
        case "failed": body["error"] = ["message": "tool 'lookup_order' timed out"]
        default: body["cancelled_by"] = "user"
        }
        return .object(body)
    }
}
