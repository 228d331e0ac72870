package io.phasewatch.cli.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.phasewatch.cli.UserInputException;
import io.phasewatch.core.diagnosis.BaseModelPoint;
import io.phasewatch.core.diagnosis.FrontierRelease;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PanelCsvTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @Test
  void readsBaseColumnsInAnyOrderAndCaseWithOptionalAxes() {
    String csv = """
        TruthfulQA,Model,params_B,FAMILY,HellaSwag,d_model,arc,mmlu,source
        47.06,EleutherAI/pythia-70m,0.07,Pythia,27.29,512,21.59,25.9,x
        44.26,EleutherAI/pythia-160m,0.16,Pythia,30.34,,,,y
        """;
    PanelCsv.Read<BaseModelPoint> read = PanelCsv.base("p.csv", csv);

    assertThat(read.rows()).isEqualTo(2);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.accepted()).containsExactly(
        new BaseModelPoint("EleutherAI/pythia-70m", "Pythia", 0.07, 27.29, 47.06, OptionalInt.of(512),
            Map.of("arc", 21.59, "mmlu", 25.9)),
        new BaseModelPoint("EleutherAI/pythia-160m", "Pythia", 0.16, 30.34, 44.26,
            OptionalInt.empty(), Map.of()));
  }

  @Test
  void ignoresAByteOrderMarkBeforeTheHeader() {
    String csv = "\uFEFFmodel,family,params_b,hellaswag,truthfulqa\nm,F,1,50,40\n";
    PanelCsv.Read<BaseModelPoint> read = PanelCsv.base("bom.csv", csv);
    assertThat(read.accepted()).extracting(BaseModelPoint::model).containsExactly("m");
  }

  @Test
  void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
    String csv = """
        model,family,params_b,hellaswag,truthfulqa
        "org/model, v2","The ""Big"" family",7,"77.5",38
        "two
        lines",F,1,50,40
        m3,F,2,51,41
        """;
    PanelCsv.Read<BaseModelPoint> read = PanelCsv.base("q.csv", csv);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.accepted()).extracting(BaseModelPoint::model)
        .containsExactly("org/model, v2", "two\nlines", "m3");
    assertThat(read.accepted().get(0).family()).isEqualTo("The \"Big\" family");
    assertThat(read.accepted().get(0).b1()).isEqualTo(77.5);
  }

  @Test
  void reportsEachBadRowWithFileLineFieldAndReasonAndKeepsTheRest() {
    String csv = """
        model,family,params_b,hellaswag,truthfulqa,d_model,arc
        good,F,1,50,40,512,30
        ,F,1,50,40,,
        m3,,1,50,40,,
        m4,F,abc,50,40,,
        m5,F,0,50,40,,
        m6,F,-1,50,40,,
        m7,F,1,NaN,40,,
        m8,F,1,50,Infinity,,
        m9,F,1,101,40,,
        m10,F,1,50,-0.5,,
        m11,F,1,50,40,51.2,
        m12,F,1,50,40,0,
        m13,F,1,50,40,,x
        m14,F,1,50,40,,200
        m15,F,1,50,40
        m16,F,1,50,40,,,extra
        GOOD,F,2,50,40,,
        m18,F,1,50,
        """;
    PanelCsv.Read<BaseModelPoint> read = PanelCsv.base("bad.csv", csv);

    assertThat(read.rows()).isEqualTo(18);
    assertThat(read.accepted()).extracting(BaseModelPoint::model).containsExactly("good");
    assertThat(read.rejected()).extracting(Rejection::toString).containsExactly(
        "bad.csv:3: field 'model': missing value",
        "bad.csv:4: field 'family': missing value",
        "bad.csv:5: field 'params_b': not a number: 'abc'",
        "bad.csv:6: field 'params_b': must be positive, got 0.0",
        "bad.csv:7: field 'params_b': must be positive, got -1.0",
        "bad.csv:8: field 'hellaswag': not a number: 'NaN'",
        "bad.csv:9: field 'truthfulqa': not a number: 'Infinity'",
        "bad.csv:10: field 'hellaswag': out of range 0–100 (percent): 101.0",
        "bad.csv:11: field 'truthfulqa': out of range 0–100 (percent): -0.5",
        "bad.csv:12: field 'd_model': not a whole number: '51.2'",
        "bad.csv:13: field 'd_model': must be positive, got 0",
        "bad.csv:14: field 'arc': not a number: 'x'",
        "bad.csv:15: field 'arc': out of range 0–100 (percent): 200.0",
        "bad.csv:16: field 'row': has 5 fields, the header has 7",
        "bad.csv:17: field 'row': has 8 fields, the header has 7",
        "bad.csv:18: field 'model': duplicate of the row at line 2",
        "bad.csv:19: field 'row': has 5 fields, the header has 7");
  }

  @Test
  void countsLinesAcrossBlankAndCommentLines() {
    String csv = "# attribution line\nmodel,family,params_b,hellaswag,truthfulqa\n\nm,F,1,50,40\n"
        + "\n# a comment\nm2,F,x,50,40\n";
    PanelCsv.Read<BaseModelPoint> read = PanelCsv.base("c.csv", csv);
    assertThat(read.accepted()).hasSize(1);
    assertThat(read.rejected()).extracting(Rejection::line).containsExactly(7);
  }

  @Test
  void rejectsOversizedNamesAndSizes() {
    String csv = "model,family,params_b,hellaswag,truthfulqa\n" + "x".repeat(257) + ",F,1,50,40\n"
        + "m2,F,200000,50,40\n";
    assertThat(PanelCsv.base("long.csv", csv).rejected()).extracting(Rejection::toString)
        .containsExactly("long.csv:2: field 'model': longer than 256 characters",
            "long.csv:3: field 'params_b': above 100000: params_b is in billions, not a raw count "
                + "(got 200000.0)");
  }

  @Test
  void failsWithOneLineNamingFileAndEveryMissingColumn() {
    assertThatThrownBy(() -> PanelCsv.base("m.csv", "model,family,hellaswag\nm,F,50\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessage("m.csv: missing required columns params_b, truthfulqa "
            + "(header: model,family,hellaswag)");
    assertThatThrownBy(() -> PanelCsv.frontier("f.csv", "model,lab,gpqa_diamond\n", TODAY))
        .hasMessage("f.csv: missing required column swe_bench_verified "
            + "(header: model,lab,gpqa_diamond)");
  }

  @Test
  void failsOnARepeatedHeaderColumnAndOnAnEmptyFile() {
    assertThatThrownBy(() -> PanelCsv.base("d.csv",
        "model,family,params_b,hellaswag,truthfulqa,Model\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessage("d.csv:1: column 'model' appears twice in the header");
    assertThatThrownBy(() -> PanelCsv.base("e.csv", "\n\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessage("e.csv: empty file, expected a header line");
  }

  @Test
  void failsOnAnUnterminatedQuoteWithItsLine() {
    assertThatThrownBy(() -> PanelCsv.base("u.csv",
        "model,family,params_b,hellaswag,truthfulqa\n\"open,F,1,50,40\n"))
        .isInstanceOf(UserInputException.class)
        .hasMessageStartingWith("u.csv:")
        .hasMessageContaining("not a readable CSV file");
  }

  @Test
  void readsFrontierRowsWithOptionalDateAndAxes() {
    String csv = """
        Lab,model,release_date,swe_bench_verified,gpqa_diamond,hle,IFEval
        OpenAI,gpt-x,2025-04-14,54.6,66.3,3.7,87.4
        Meta,llama-y,,46.5,69.8,,
        """;
    PanelCsv.Read<FrontierRelease> read = PanelCsv.frontier("f.csv", csv, TODAY);
    assertThat(read.rejected()).isEmpty();
    assertThat(read.accepted()).containsExactly(
        new FrontierRelease("gpt-x", "OpenAI", Optional.of(LocalDate.of(2025, 4, 14)), 54.6, 66.3,
            Map.of("hle", 3.7, "ifeval", 87.4)),
        new FrontierRelease("llama-y", "Meta", Optional.empty(), 46.5, 69.8, Map.of()));
  }

  @Test
  void rejectsFrontierRowsWithBadDatesOrScores() {
    String csv = """
        model,lab,release_date,swe_bench_verified,gpqa_diamond,hle
        a,L,2025-13-01,50,60,
        b,L,25/04/2025,50,60,
        c,L,2026-11-28,50,60,
        d,,2025-01-01,50,60,
        e,L,2025-01-01,,60,
        f,L,2025-01-01,50,60,1e3
        g,L,2026-11-27,50,60,
        """;
    PanelCsv.Read<FrontierRelease> read = PanelCsv.frontier("f.csv", csv, TODAY);
    assertThat(read.accepted()).extracting(FrontierRelease::model).containsExactly("g");
    assertThat(read.rejected()).extracting(Rejection::toString).containsExactly(
        "f.csv:2: field 'release_date': not an ISO date (YYYY-MM-DD): '2025-13-01'",
        "f.csv:3: field 'release_date': not an ISO date (YYYY-MM-DD): '25/04/2025'",
        "f.csv:4: field 'release_date': in the future: 2026-11-28",
        "f.csv:5: field 'lab': missing value",
        "f.csv:6: field 'swe_bench_verified': missing value",
        "f.csv:7: field 'hle': out of range 0–100 (percent): 1000.0");
  }
}
