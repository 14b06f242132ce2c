//! Native benchmark of the importer on a generated OpenAPI 3.0 spec of about 3 MB of YAML:
//! operations with tags, Markdown and HTML descriptions, two or three OAuth alternatives each and
//! schemas behind local `$ref`s. The target is 1 s. Prints the median and the slowest of 7 runs
//! (`cargo bench -p scope-selector-import`).

use scope_selector_import::{import, Options};
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// The generated spec as YAML, with about `operations` operations.
fn spec(operations: usize) -> String {
    let mut text = String::from(
        "openapi: 3.0.3\ninfo:\n  title: Generated\n  version: '1'\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: K}\n    oauth:\n      type: oauth2\n      flows:\n        authorizationCode:\n          authorizationUrl: https://example.com/auth\n          tokenUrl: https://example.com/token\n          scopes:\n",
    );
    for scope in 0..60 {
        let _ = writeln!(text, "            module{scope}:read: Read **module {scope}**. Lists and gets.");
        let _ = writeln!(text, "            module{scope}:write: Change module {scope}.");
    }
    text.push_str("  schemas:\n");
    for schema in 0..200 {
        let _ = writeln!(
            text,
            "    Thing{schema}:\n      type: object\n      properties:\n        id: {{type: string}}\n        name: {{type: string, description: The thing's name}}\n        parent: {{$ref: '#/components/schemas/Thing{}'}}",
            (schema + 1) % 200
        );
    }
    text.push_str("paths:\n");
    for at in 0..operations / 2 {
        let module = at % 60;
        let _ = write!(
            text,
            "  /module{module}/things{at}/{{thingId}}:
    get:
      operationId: getThing{at}
      tags: [Module {module}]
      summary: Get thing {at}
      description: |
        Returns **thing {at}** of [module {module}](https://example.com/docs/{module}). The caller needs
        one of the scopes below; see <a href=\"https://example.com\">the guide</a>.
      parameters:
        - {{name: thingId, in: path, required: true, schema: {{type: string}}}}
      security:
        - key: []
        - oauth: [module{module}:read]
        - oauth: [module{module}:write]
      responses:
        '200':
          description: The thing.
          content:
            application/json:
              schema: {{$ref: '#/components/schemas/Thing{}'}}
    put:
      operationId: putThing{at}
      tags: [Module {module}]
      description: Replaces thing {at}. Idempotent.
      deprecated: {}
      security:
        - oauth: [module{module}:write]
        - oauth: [module{module}:write, module{}:read]
        - oauth: [admin]
      responses:
        '204': {{description: Replaced.}}
",
            at % 200,
            at % 7 == 0,
            (module + 1) % 60,
        );
    }
    text
}

fn main() {
    let yaml = spec(5_800);
    let imported = import(&yaml, &Options::default()).expect("the generated spec imports");
    let mut runs: Vec<Duration> = (0..7)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(import(&yaml, &Options::default()).map(|imported| imported.kept).unwrap_or(0));
            start.elapsed()
        })
        .collect();
    runs.sort_unstable();
    println!("| spec | operations read (kept) | table | import median | slowest |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    println!(
        "| generated OpenAPI 3.0, {:.2} MB YAML | {} ({}) | {:.2} MB | {:.0} ms | {:.0} ms |",
        yaml.len() as f64 / 1e6,
        imported.read,
        imported.kept,
        imported.json.len() as f64 / 1e6,
        runs[runs.len() / 2].as_secs_f64() * 1e3,
        runs[runs.len() - 1].as_secs_f64() * 1e3,
    );
}
