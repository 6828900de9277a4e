// The Chevrotain grammar: a CstParser with no embedded actions. One instance
// is built at module load (grammar analysis costs milliseconds) and reused
// for every parse. grammar/build-*.ts turn the CST into the AST.
//
// Error recovery is not Chevrotain's: grammar/parse.ts splits a policy file
// into declarations first and parses each one on its own, so one bad
// declaration never hides errors in the next. Error messages are produced by
// grammar/errors.ts from the structured notes `messages` writes here.

import { CstParser, EOF, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

/** The parser's raw message: JSON, turned into plain words by grammar/errors.ts. */
export interface ParseNote {
  kind: "mismatch" | "noViable" | "earlyExit" | "redundant";
  ruleName: string;
  expected: string[];
}

function firstTokens(paths: TokenType[][]): string[] {
  const names = new Set<string>();
  for (const path of paths) {
    const first = path[0];
    if (first !== undefined) names.add(first.name);
  }
  return [...names];
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    JSON.stringify({ kind: "mismatch", ruleName, expected: [expected.name] } satisfies ParseNote),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    JSON.stringify({ kind: "redundant", ruleName, expected: [] } satisfies ParseNote),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    JSON.stringify({ kind: "noViable", ruleName, expected: firstTokens(expectedPathsPerAlt.flat()) } satisfies ParseNote),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    JSON.stringify({ kind: "earlyExit", ruleName, expected: firstTokens(expectedIterationPaths) } satisfies ParseNote),
};

export class EdictParser extends CstParser {
  constructor() {
    super(T.allTokens, {
      maxLookahead: 3,
      recoveryEnabled: false,
      nodeLocationTracking: "onlyOffset",
      errorMessageProvider: messages,
    });
    this.performSelfAnalysis();
  }

  // ------------------------------------------------------------ policy layer

  policyHeader = this.RULE("policyHeader", () => {
    this.CONSUME(T.Policy);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier, { LABEL: "name" });
    });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "description" }));
  });

  declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.inputDecl) },
      { ALT: () => this.SUBRULE(this.typeDecl) },
      { ALT: () => this.SUBRULE(this.valueDecl) },
      { ALT: () => this.SUBRULE(this.fnDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]);
  });

  inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION(() => this.CONSUME(T.Question));
  });

  typeDecl = this.RULE("typeDecl", () => {
    this.CONSUME(T.Type);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Assign);
    this.SUBRULE(this.typeExpr);
  });

  /** `const`, `let` and `output`: a keyword, a name and an expression. */
  valueDecl = this.RULE("valueDecl", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Const, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Let, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Output, { LABEL: "keyword" }) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
  });

  fnDecl = this.RULE("fnDecl", () => {
    this.CONSUME(T.Fn);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.fnParam);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.fnParam);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RParen);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.CONSUME(T.Assign);
    this.SUBRULE(this.expression);
  });

  fnParam = this.RULE("fnParam", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  ruleDecl = this.RULE("ruleDecl", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Deny, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Warn, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(T.Allow, { LABEL: "keyword" }) },
    ]);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.ruleClause));
    this.CONSUME(T.RBrace);
  });

  ruleClause = this.RULE("ruleClause", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.For);
          this.CONSUME(T.Identifier, { LABEL: "first" });
          this.OPTION(() => {
            this.CONSUME(T.Comma);
            this.CONSUME2(T.Identifier, { LABEL: "second" });
          });
          this.CONSUME(T.In);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.When);
          this.SUBRULE2(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Unless);
          this.SUBRULE3(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Expires);
          this.CONSUME(T.StringLiteral);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Message);
          this.CONSUME(T.Template);
        },
      },
    ]);
  });

  // ------------------------------------------------------------ types

  typeExpr = this.RULE("typeExpr", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.recordType) }, { ALT: () => this.SUBRULE(this.namedType) }]);
  });

  namedType = this.RULE("namedType", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Identifier, { LABEL: "name" });
    });
    this.OPTION(() => {
      this.CONSUME(T.Less);
      this.SUBRULE(this.typeExpr);
      this.MANY2(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.typeExpr);
      });
      this.CONSUME(T.Greater);
    });
  });

  recordType = this.RULE("recordType", () => {
    this.CONSUME(T.LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.recordField);
      this.MANY(() => {
        this.CONSUME(T.Comma);
        this.SUBRULE2(this.recordField);
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBrace);
  });

  recordField = this.RULE("recordField", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      { ALT: () => this.CONSUME(T.EscapedIdentifier, { LABEL: "name" }) },
    ]);
    this.OPTION(() => this.CONSUME(T.Question));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  // ------------------------------------------------------------ expressions (CEL)

  /** A whole input that must be one expression (parseExpression, template holes). */
  expressionOnly = this.RULE("expressionOnly", () => {
    this.SUBRULE(this.expression);
    this.CONSUME(EOF);
  });

  /**
   * `c ? t : e`. The else branch is written as a loop rather than by
   * recursion, and all binary operators share one flat rule whose precedence
   * the builder resolves: fewer rule frames per nesting level keeps deeply
   * nested input far from the JS stack limit.
   */
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.binaryChain, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.Question);
      this.SUBRULE2(this.binaryChain, { LABEL: "operand" });
      this.CONSUME(T.Colon);
      this.SUBRULE3(this.binaryChain, { LABEL: "operand" });
    });
  });

  binaryChain = this.RULE("binaryChain", () => {
    this.SUBRULE(this.unary, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.BinaryOperator, { LABEL: "op" });
      this.SUBRULE2(this.unary, { LABEL: "operand" });
    });
  });

  /** CEL: a run of one unary operator, then a member (`-!x` needs parentheses). */
  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.CONSUME(T.Bang, { LABEL: "op" }));
          this.SUBRULE(this.member);
        },
      },
      {
        ALT: () => {
          this.AT_LEAST_ONE2(() => this.CONSUME(T.Minus, { LABEL: "op" }));
          this.SUBRULE2(this.member);
        },
      },
      { ALT: () => this.SUBRULE3(this.member) },
    ]);
  });

  member = this.RULE("member", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.memberSuffix));
  });

  memberSuffix = this.RULE("memberSuffix", () => {
    this.OR([
      {
        // `.f`, `.?f`, `` .`f-g` ``, or a method call `.f(args)`
        ALT: () => {
          this.CONSUME(T.Dot);
          this.OPTION(() => this.CONSUME(T.Question));
          this.OR2([
            { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
            { ALT: () => this.CONSUME(T.EscapedIdentifier, { LABEL: "name" }) },
          ]);
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            this.OPTION3(() => this.SUBRULE(this.argumentList));
            this.CONSUME(T.RParen);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.OPTION4(() => this.CONSUME2(T.Question));
          this.SUBRULE(this.expression);
          this.CONSUME(T.RBracket);
        },
      },
      {
        // Message construction `a.b.C{f: v}`; the builder checks that a type name precedes it.
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.OPTION5(() => {
            this.SUBRULE(this.fieldInit);
            this.MANY(() => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.fieldInit);
            });
            this.OPTION6(() => this.CONSUME2(T.Comma));
          });
          this.CONSUME(T.RBrace);
        },
      },
    ]);
  });

  fieldInit = this.RULE("fieldInit", () => {
    this.OPTION(() => this.CONSUME(T.Question));
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      { ALT: () => this.CONSUME(T.EscapedIdentifier, { LABEL: "name" }) },
    ]);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  argumentList = this.RULE("argumentList", () => {
    this.SUBRULE(this.expression);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.expression);
    });
  });

  primary = this.RULE("primary", () => {
    this.OR([
      {
        // `name`, `.name`, `name(args)`, `.name(args)`
        ALT: () => {
          this.OPTION(() => this.CONSUME(T.Dot, { LABEL: "leadingDot" }));
          this.CONSUME(T.Identifier);
          this.OPTION2(() => {
            this.CONSUME(T.LParen);
            this.OPTION3(() => this.SUBRULE(this.argumentList));
            this.CONSUME(T.RParen);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen, { LABEL: "open" });
          this.SUBRULE(this.expression);
          this.CONSUME2(T.RParen);
        },
      },
      {
        // CEL allows a lone trailing comma, even `[,]`.
        ALT: () => {
          this.CONSUME(T.LBracket);
          this.OPTION4(() => {
            this.SUBRULE(this.listElement);
            this.MANY(() => {
              this.CONSUME(T.Comma);
              this.SUBRULE2(this.listElement);
            });
          });
          this.OPTION5(() => this.CONSUME2(T.Comma));
          this.CONSUME(T.RBracket);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LBrace);
          this.OPTION6(() => {
            this.SUBRULE(this.mapEntry);
            this.MANY2(() => {
              this.CONSUME3(T.Comma);
              this.SUBRULE2(this.mapEntry);
            });
          });
          this.OPTION7(() => this.CONSUME4(T.Comma));
          this.CONSUME(T.RBrace);
        },
      },
      { ALT: () => this.SUBRULE(this.literal) },
    ]);
  });

  listElement = this.RULE("listElement", () => {
    this.OPTION(() => this.CONSUME(T.Question));
    this.SUBRULE(this.expression);
  });

  mapEntry = this.RULE("mapEntry", () => {
    this.OPTION(() => this.CONSUME(T.Question));
    this.SUBRULE(this.expression, { LABEL: "key" });
    this.CONSUME(T.Colon);
    this.SUBRULE2(this.expression, { LABEL: "value" });
  });

  /** Every literal token has the category `Literal`; the builder reads the actual token type. */
  literal = this.RULE("literal", () => {
    this.CONSUME(T.Literal, { LABEL: "token" });
  });
}

/** The one parser instance (Chevrotain parsers are reusable: set `input`, call a rule). */
export const parser = new EdictParser();
