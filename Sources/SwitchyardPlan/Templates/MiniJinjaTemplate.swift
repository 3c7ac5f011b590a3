/// A MiniJinja template, parsed once and rendered per request.
///
/// Switchyard renders templates with this small MiniJinja-subset renderer rather than Stencil: Stencil
/// differs from MiniJinja exactly where prompts are sensitive to it. It renders undefined variables as
/// empty text (TensorZero uses MiniJinja's strict mode, where they are errors), has no `tojson`, `title`
/// or `dictsort` with MiniJinja's output, prints booleans, `none` and floats differently (`True`,
/// `2.0` vs `2`), does not drop the template's trailing newline, and lacks `elif`, `loop.revindex` and
/// MiniJinja's operator precedence. What this renderer implements: text, `{{ … }}`, comments,
/// `{% raw %}`, `if`/`elif`/`else`, `for` (with `else`, an `if` filter, unpacking, `loop.*`), `set`,
/// whitespace control (`{%- -%}`, `{{- -}}`, `{#- -#}`), literals, lists, maps, attribute and index
/// access, the operators, and the filters and tests in `TemplateFilters`. Any other construct (macros,
/// includes, calls, slices, keyword arguments, other filters) fails to load with an "unsupported"
/// `TemplateSyntaxError` naming it, so a template is never rendered silently wrong.
public struct MiniJinjaTemplate: Sendable {
    private let nodes: [TemplateNode]

    /// Parses `source`; throws for malformed or unsupported templates.
    public init(source: String) throws(TemplateSyntaxError) {
        nodes = try TemplateParser.parse(source)
    }

    /// Renders the template with `arguments` (an object's members are the variables; anything else gives
    /// no variables).
    public func render(_ arguments: JSONValue) throws(TemplateRenderError) -> String {
        try TemplateRenderer.render(nodes, arguments: arguments)
    }

    /// The variables the template reads from its arguments (MiniJinja's undeclared variables): names used
    /// before any `set` or `for` in scope defines them. `loop` inside a loop is not one.
    public var undeclaredVariables: Set<String> {
        var found: Set<String> = []
        TemplateVariableScan.scan(nodes, declared: [], into: &found)
        return found
    }
}
