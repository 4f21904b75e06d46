import KapsoDiagnostics
import Testing

/// The one rule `deliveries` and `deliveries stats` count other numbers' deliveries by (tester47 F5's read-through).
@Suite struct DeliveryScopeTests {
    @Test(arguments: [
        // (each delivery's phone_number_id, selected, others)
        (["501", "502", nil, "502"], "501", 2),
        (["501", "501"], "501", 0),
        (["502", nil], nil, 0),
        ([nil, nil], "501", 0),
    ] as [([String?], String?, Int)])
    func othersAreDeliveriesNamingAnotherNumber(numbers: [String?], selected: String?, others: Int) {
        #expect(DeliveryScope.others(numbers, selected: selected) == others)
    }
}
