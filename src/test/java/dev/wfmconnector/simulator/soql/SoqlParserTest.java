package dev.wfmconnector.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.simulator.soql.SoqlQuery.And;
import dev.wfmconnector.simulator.soql.SoqlQuery.Comparison;
import dev.wfmconnector.simulator.soql.SoqlQuery.FieldPath;
import dev.wfmconnector.simulator.soql.SoqlQuery.InList;
import dev.wfmconnector.simulator.soql.SoqlQuery.LiteralKind;
import dev.wfmconnector.simulator.soql.SoqlQuery.Not;
import dev.wfmconnector.simulator.soql.SoqlQuery.Operator;
import dev.wfmconnector.simulator.soql.SoqlQuery.Or;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoqlParserTest {

    @Test
    void parsesTheConnectorsPresenceQuery() {
        SoqlQuery query = SoqlParser.parse("SELECT Id, UserId, ServicePresenceStatus.MasterLabel, "
                + "ServicePresenceStatus.DeveloperName, StatusStartDate, StatusEndDate, IsCurrentState "
                + "FROM UserServicePresence WHERE StatusStartDate < 2026-11-24T12:00:00Z "
                + "AND (StatusEndDate = null OR StatusEndDate >= 2026-11-24T10:00:00.000+0000) "
                + "ORDER BY UserId, StatusStartDate");

        assertThat(query.fields()).extracting(FieldPath::text).containsExactly("Id", "UserId",
                "ServicePresenceStatus.MasterLabel", "ServicePresenceStatus.DeveloperName", "StatusStartDate",
                "StatusEndDate", "IsCurrentState");
        assertThat(query.object()).isEqualTo("UserServicePresence");
        And where = (And) query.where();
        Comparison start = (Comparison) where.terms().get(0);
        assertThat(start.operator()).isEqualTo(Operator.LT);
        assertThat(start.value().value()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        Or open = (Or) where.terms().get(1);
        assertThat(((Comparison) open.terms().get(0)).value().kind()).isEqualTo(LiteralKind.NULL);
        assertThat(((Comparison) open.terms().get(1)).value().value()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(query.orderBy()).hasSize(2);
        assertThat(query.limit()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-24T10:00:00Z        | 2026-11-24T10:00:00Z",
            "2026-11-24T10:00:00.000+0000 | 2026-11-24T10:00:00Z",
            "2026-11-24T10:00:00.5Z      | 2026-11-24T10:00:00.500Z",
            "2026-11-24T11:30:00+01:30   | 2026-11-24T10:00:00Z",
            "2026-11-24T05:00:00-0500    | 2026-11-24T10:00:00Z"
    })
    void readsDatetimeLiterals(String literal, String expected) {
        Comparison c = (Comparison) SoqlParser.parse("SELECT Id FROM AgentWork WHERE RequestDateTime >= " + literal)
                .where();
        assertThat(c.value().value()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsStringsNumbersBooleansAndLists() {
        SoqlQuery query = SoqlParser.parse("select id from User where Name = 'O\\'Brien \\\\ \\u00e9' and "
                + "IsActive = TRUE and HandleTime > -2.5 and Id not in ('005000000000001', '005000000000002') "
                + "and not Username like 'a\\_b%' limit 10 offset 5");
        And where = (And) query.where();
        assertThat(((Comparison) where.terms().get(0)).value().value()).isEqualTo("O'Brien \\ é");
        assertThat(((Comparison) where.terms().get(1)).value().value()).isEqualTo(Boolean.TRUE);
        assertThat(((Comparison) where.terms().get(2)).value().value()).isEqualTo(new BigDecimal("-2.5"));
        InList in = (InList) where.terms().get(3);
        assertThat(in.negated()).isTrue();
        assertThat(in.values()).hasSize(2);
        assertThat(where.terms().get(4)).isInstanceOf(Not.class);
        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.offset()).isEqualTo(5);
    }

    @Test
    void readsCountAndOrderingOptions() {
        SoqlQuery count = SoqlParser.parse("SELECT COUNT() FROM AgentWork");
        assertThat(count.count()).isTrue();
        SoqlQuery ordered = SoqlParser.parse(
                "SELECT Id FROM AgentWork ORDER BY CloseDateTime DESC NULLS LAST, Id ASC NULLS FIRST, Status");
        assertThat(ordered.orderBy()).extracting(SoqlQuery.Ordering::descending).containsExactly(true, false, false);
        assertThat(ordered.orderBy()).extracting(SoqlQuery.Ordering::nullsLast).containsExactly(true, false, false);
    }

    /** Malformed queries: the unexpected token and its 1-based column, as Salesforce reports them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT Id FORM Account                                   | unexpected token: FORM  | 11",
            "SELECT Id FROM Account WHERE                             | unexpected token: <EOF> | 29",
            "SELECT Id, FROM Account                                  | unexpected token: Account | 17",
            "SELECT * FROM Account                                    | unexpected token: *     | 8",
            "SELECT Id FROM User WHERE a = 1 AND b = 2 OR c = 3       | unexpected token: OR    | 43",
            "SELECT Id FROM User WHERE (a = 1 OR b = 2 AND c = 3)     | unexpected token: AND   | 43",
            "SELECT Id FROM User WHERE Name = 'abc                    | mismatched character '<EOF>' expecting ''' | 34",
            "SELECT Id FROM User WHERE Name == 'x'                    | unexpected token: =     | 33",
            "SELECT Id FROM User LIMIT -1                             | unexpected token: -1    | 27",
            "SELECT Id FROM User LIMIT 5 extra                        | unexpected token: extra | 29",
            "SELECT Id FROM User ORDER Name                           | unexpected token: Name  | 27",
            "SELECT Id FROM User WHERE Name IN 'x'                    | unexpected token: 'x'   | 35",
            "SELECT Id FROM User u                                    | unexpected token: u     | 21",
            "SELECT Id FROM User GROUP BY Id                          | unexpected token: GROUP | 21",
            "SELECT Id FROM AgentWork WHERE RequestDateTime > 2026-13-40T10:00:00Z | invalid dateTime: 2026-13-40T10:00:00Z | 50",
            "SELECT Id FROM User WHERE Name = 'a\\qb'                 | Invalid string literal: invalid escape sequence \\q | 36"
    })
    void reportsMalformedQueriesWithTheirPosition(String soql, String reason, int column) {
        assertThatThrownBy(() -> SoqlParser.parse(soql.strip()))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
                    assertThat(e.getMessage()).isEqualTo(reason);
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void formatsTheMessageLikeSalesforceAcrossLines() {
        String soql = "SELECT Id\nFROM User\nWHERE Name = 'x' AND";
        assertThatThrownBy(() -> SoqlParser.parse(soql)).isInstanceOfSatisfying(SoqlException.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(21);
            assertThat(e.salesforceMessage()).isEqualTo(
                    "\nWHERE Name = 'x' AND\n                    ^\nERROR at Row:3:Column:21\nunexpected token: <EOF>");
        });
    }

    @Test
    void refusesDeepNestingAndOverlongStatementsInsteadOfOverflowing() {
        String deep = "SELECT Id FROM User WHERE " + "(".repeat(5000) + "Id = null" + ")".repeat(5000);
        assertThatThrownBy(() -> SoqlParser.parse(deep)).isInstanceOfSatisfying(SoqlException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY");
            assertThat(e.getMessage()).isEqualTo("expression nested too deeply");
        });
        String nots = "SELECT Id FROM User WHERE " + "NOT ".repeat(101) + "Id = null";
        assertThatThrownBy(() -> SoqlParser.parse(nots)).isInstanceOf(SoqlException.class);
        assertThat(SoqlParser.parse("SELECT Id FROM User WHERE " + "(".repeat(100) + "Id = null" + ")".repeat(100))
                .where()).isNotNull();
        String longest = "SELECT Id FROM User WHERE Name = '" + "x".repeat(100_000) + "'";
        assertThatThrownBy(() -> SoqlParser.parse(longest)).hasMessageContaining("cannot be longer than 100,000");
    }

    @Test
    void emptyQueryIsMalformed() {
        assertThatThrownBy(() -> SoqlParser.parse(" "))
                .isInstanceOfSatisfying(SoqlException.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
    }
}
