package io.sparkbatch.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MergePatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @Test
  void diffSetsChangesNullsRemovalsAndReplacesArrays() throws Exception {
    JsonNode from =
        json("{'phase':'Running','attempt':{'number':1,'exitCode':3},'list':[1,2],'same':1}");
    JsonNode to = json("{'phase':'Retrying','attempt':{'number':1},'list':[1],'same':1}");
    assertThat(MergePatch.diff(from, to))
        .isEqualTo(json("{'phase':'Retrying','attempt':{'exitCode':null},'list':[1]}"));
  }

  @Test
  void diffOfEqualDocumentsIsEmpty() throws Exception {
    JsonNode doc = json("{'a':{'b':[1,{'c':2}]}}");
    assertThat(MergePatch.diff(doc, doc.deepCopy())).isEmpty();
  }

  @Test
  void applyingTheDiffGivesTheTarget() throws Exception {
    JsonNode from = json("{'a':1,'b':{'c':2,'d':[1,2,3]},'e':'x'}");
    JsonNode to = json("{'a':2,'b':{'d':[9]},'f':{'g':true}}");
    assertThat(MergePatch.apply(from, MergePatch.diff(from, to))).isEqualTo(to);
  }

  @Test
  void applyFollowsRfc7386() throws Exception {
    assertThat(
            MergePatch.apply(
                json("{'a':'b','c':{'d':'e','f':'g'}}"), json("{'a':'z','c':{'f':null}}")))
        .isEqualTo(json("{'a':'z','c':{'d':'e'}}"));
    assertThat(MergePatch.apply(json("{'a':[{'b':'c'}]}"), json("{'a':[1]}")))
        .isEqualTo(json("{'a':[1]}"));
  }
}
