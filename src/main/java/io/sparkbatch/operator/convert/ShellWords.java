package io.sparkbatch.operator.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell would, without running anything: single and double
 * quotes, backslash escapes, backslash-newline continuations and # comments. Unquoted newlines and
 * semicolons end a command. Pipes and redirections are refused: the input should be the
 * spark-submit command itself, not a script around it.
 */
final class ShellWords {
  private final String text;
  private final String fixedOrigin;
  private final List<List<Word>> commands = new ArrayList<>();
  private List<Word> command = new ArrayList<>();
  private StringBuilder word;
  private int wordLine;
  private int line = 1;

  private ShellWords(String text, String fixedOrigin) {
    this.text = text;
    this.fixedOrigin = fixedOrigin;
  }

  /** The commands of a script, each a list of words whose origin is their line. */
  static List<List<Word>> commands(String text) {
    ShellWords splitter = new ShellWords(text, null);
    splitter.split(true);
    return splitter.commands;
  }

  /**
   * The words of a one-command string held in a JSON field (EMR's sparkSubmitParameters), where
   * newlines are plain spaces; every word's origin is that field.
   */
  static List<Word> words(String text, String origin) {
    ShellWords splitter = new ShellWords(text, origin);
    splitter.split(false);
    List<Word> all = new ArrayList<>();
    splitter.commands.forEach(all::addAll);
    return all;
  }

  private void split(boolean newlineEndsCommand) {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i = backslash(i);
      } else if (c == '\'') {
        i = singleQuoted(i);
      } else if (c == '"') {
        i = doubleQuoted(i);
      } else if (c == '#' && word == null) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '\n') {
        endWord();
        if (newlineEndsCommand) {
          endCommand();
        }
        line++;
        i++;
      } else if (c == ';') {
        endWord();
        endCommand();
        i++;
      } else if (Character.isWhitespace(c)) {
        endWord();
        i++;
      } else if ("|&<>`".indexOf(c) >= 0) {
        throw new ConversionException(
            where(line),
            "shell operator '"
                + c
                + "' is not supported: give only the spark-submit command, without pipes,"
                + " redirections or command substitution");
      } else {
        append(c);
        i++;
      }
    }
    endWord();
    endCommand();
  }

  private int backslash(int i) {
    if (i + 1 >= text.length()) {
      append('\\');
      return i + 1;
    }
    char next = text.charAt(i + 1);
    if (next == '\n') {
      line++;
      return i + 2;
    }
    if (next == '\r' && i + 2 < text.length() && text.charAt(i + 2) == '\n') {
      line++;
      return i + 3;
    }
    append(next);
    return i + 2;
  }

  private int singleQuoted(int start) {
    int startLine = line;
    startWord();
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != '\'') {
      countLine(text.charAt(i));
      word.append(text.charAt(i++));
    }
    if (i >= text.length()) {
      throw new ConversionException(where(startLine), "unterminated single quote");
    }
    return i + 1;
  }

  private int doubleQuoted(int start) {
    int startLine = line;
    startWord();
    int i = start + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(i + 1);
        if (next == '\n') {
          line++;
          i += 2;
          continue;
        }
        if ("$`\"\\".indexOf(next) >= 0) {
          word.append(next);
          i += 2;
          continue;
        }
      }
      countLine(c);
      word.append(c);
      i++;
    }
    if (i >= text.length()) {
      throw new ConversionException(where(startLine), "unterminated double quote");
    }
    return i + 1;
  }

  private void countLine(char c) {
    if (c == '\n') {
      line++;
    }
  }

  private void startWord() {
    if (word == null) {
      word = new StringBuilder();
      wordLine = line;
    }
  }

  private void append(char c) {
    startWord();
    word.append(c);
  }

  private void endWord() {
    if (word != null) {
      command.add(new Word(word.toString(), where(wordLine)));
      word = null;
    }
  }

  private void endCommand() {
    if (!command.isEmpty()) {
      commands.add(command);
      command = new ArrayList<>();
    }
  }

  private String where(int lineNumber) {
    return fixedOrigin != null ? fixedOrigin : "line " + lineNumber;
  }
}
