/// Which deliveries of Kapso's log are another number's than the selected one. The log takes no number filter (its
/// query is `status`, `event`, `webhook_id`, `errors_only`, `period`, paging; kapso-api.md §4), so under `use` it lists
/// the whole project's deliveries; each names its number in `phone_number_id` (string or null, Meta's id). The one
/// rule for `deliveries` (its line under the list) and `deliveries stats` (its count), tester47 F5.
public enum DeliveryScope {
    /// Why the rows are the whole project's, as every view says it.
    public static let noNumberFilter = "Kapso's delivery log has no number filter"

    /// How many of `numbers` (each delivery's `phone_number_id`, nil when it names none) are another number's than
    /// `selected`; 0 when no number is selected. A delivery that names no number is counted as no one's.
    public static func others(_ numbers: [String?], selected: String?) -> Int {
        guard let selected else { return 0 }
        return numbers.count { $0 != nil && $0 != selected }
    }
}
