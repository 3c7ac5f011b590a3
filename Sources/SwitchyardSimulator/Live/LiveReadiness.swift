import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// What keeps a scenario from running against the live gateway: provider types the gateway (or the mock
/// upstreams) cannot speak yet, and shorthand models no variant references (the gateway would call the
/// provider's public API, which no mock stands in for). One line each.
enum LiveReadiness {
    static func obstacles(plan: RoutingPlan, environment: [String: String], scenario: Scenario) -> [String] {
        let table = LiveUpstreamTable(plan: plan)
        var obstacles = GatewayStartupCheck(plan: table.redirected(plan, port: 0), environment: Environment(environment)).errors
        for upstream in table.upstreams where MockWireFormats.format(for: upstream.provider.type) == nil {
            let path = "models.\(upstream.key.model).providers.\(upstream.key.provider)"
            if !obstacles.contains(where: { $0.hasPrefix("\(path):") }) {
                obstacles.append("\(path): the live mock upstreams do not answer as `\(upstream.provider.type.rawValue)` yet")
            }
        }
        for phase in scenario.phases {
            for send in phase.sends {
                if case .model(let name) = send.target.value, plan.model(named: name) == nil, ShorthandModel(name) != nil {
                    obstacles.append(
                        "\(send.target.location): phase `\(phase.name)`: no variant references the shorthand model `\(name)`, so the gateway would call the provider's public API, which --live does not redirect to a mock"
                    )
                }
            }
        }
        return obstacles
    }
}
