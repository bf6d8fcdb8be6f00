package io.github.clerk4j.internal.wire;

import io.github.clerk4j.spi.JsonSource;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small JSON pull parser over a string, for core's own tests (core has no JSON library, and its
 * tests do not depend on a transport). It reports failures as the {@link JsonSource} contract
 * says: a body that ends inside a value is an {@link EOFException}, anything that is not JSON a
 * {@link SyntaxException}. Lenient about commas and colons, which core's decoder never relies on.
 */
final class TextJsonSource implements JsonSource {

  private record Str(String value) {}

  private record Num(String text) {}

  private static final Object NULL = new Object();

  private enum Scope { NAME, VALUE, ARRAY }

  private final List<Object> tokens = new ArrayList<>();
  private final SyntaxException malformed;
  private final Deque<Scope> scopes = new ArrayDeque<>();
  private final Deque<String> names = new ArrayDeque<>();
  private int next;
  private boolean valueSeen;

  TextJsonSource(String text) {
    this.malformed = tokenize(text);
  }

  @Override
  public Token peek() throws IOException {
    while (next < tokens.size() && (tokens.get(next).equals(',') || tokens.get(next).equals(':'))) {
      next++;
    }
    if (next >= tokens.size()) {
      if (malformed != null) {
        throw malformed;
      }
      if (scopes.isEmpty() && valueSeen) {
        return Token.END_DOCUMENT;
      }
      throw new EOFException("end of input at " + path());
    }
    Object t = tokens.get(next);
    if (t.equals('}')) {
      return Token.END_OBJECT;
    }
    if (t.equals(']')) {
      return Token.END_ARRAY;
    }
    if (scopes.peek() == Scope.NAME) {
      if (t instanceof Str) {
        return Token.NAME;
      }
      throw new SyntaxException("expected a name at " + path(), null);
    }
    if (scopes.isEmpty() && valueSeen) {
      throw new SyntaxException("more than one value at " + path(), null);
    }
    if (t.equals('{')) {
      return Token.BEGIN_OBJECT;
    }
    if (t.equals('[')) {
      return Token.BEGIN_ARRAY;
    }
    if (t instanceof Str) {
      return Token.STRING;
    }
    if (t instanceof Num) {
      return Token.NUMBER;
    }
    if (t instanceof Boolean) {
      return Token.BOOLEAN;
    }
    return Token.NULL;
  }

  private Object take(Token expected) throws IOException {
    Token t = peek();
    if (t != expected) {
      throw new SyntaxException("expected " + expected + " but was " + t + " at " + path(), null);
    }
    return tokens.get(next++);
  }

  /** A value was consumed: an object member goes back to expecting a name. */
  private void valueDone() {
    if (scopes.peek() == Scope.VALUE) {
      scopes.pop();
      scopes.push(Scope.NAME);
      names.pop();
    }
    if (scopes.isEmpty()) {
      valueSeen = true;
    }
  }

  @Override
  public void beginArray() throws IOException {
    take(Token.BEGIN_ARRAY);
    scopes.push(Scope.ARRAY);
  }

  @Override
  public void endArray() throws IOException {
    take(Token.END_ARRAY);
    scopes.pop();
    valueDone();
  }

  @Override
  public void beginObject() throws IOException {
    take(Token.BEGIN_OBJECT);
    scopes.push(Scope.NAME);
  }

  @Override
  public void endObject() throws IOException {
    take(Token.END_OBJECT);
    scopes.pop();
    valueDone();
  }

  @Override
  public boolean hasNext() throws IOException {
    Token t = peek();
    return t != Token.END_OBJECT && t != Token.END_ARRAY && t != Token.END_DOCUMENT;
  }

  @Override
  public String nextName() throws IOException {
    namesReadWithoutASet++;
    return name();
  }

  private String name() throws IOException {
    String name = ((Str) take(Token.NAME)).value();
    scopes.pop();
    scopes.push(Scope.VALUE);
    names.push(name);
    return name;
  }

  /** The names read with a set that does not list them: the name and the set. */
  final Set<String> unlisted = new TreeSet<>();
  /** How many names were read with a set, and how many without one. */
  int namesReadWithASet;
  int namesReadWithoutASet;

  @Override
  public String nextName(Names expected) throws IOException {
    namesReadWithASet++;
    String name = name();
    if (!expected.list().contains(name)) {
      unlisted.add(name + " in " + expected);
    }
    return name;
  }

  /**
   * The members whose string values were read with {@link #nextString()}, and those read with
   * {@link #nextKnownString()}: the member's name, that of the array for an element.
   */
  final Set<String> readAsText = new TreeSet<>();
  final Set<String> readAsKnown = new TreeSet<>();

  @Override
  public String nextString() throws IOException {
    readAsText.add(String.valueOf(names.peek()));
    return text();
  }

  @Override
  public String nextKnownString() throws IOException {
    readAsKnown.add(String.valueOf(names.peek()));
    return text();
  }

  private String text() throws IOException {
    Token t = peek();
    if (t != Token.STRING && t != Token.NUMBER) {
      throw new SyntaxException("expected a string but was " + t + " at " + path(), null);
    }
    Object v = tokens.get(next++);
    valueDone();
    return v instanceof Str s ? s.value() : ((Num) v).text();
  }

  @Override
  public boolean nextBoolean() throws IOException {
    boolean b = (Boolean) take(Token.BOOLEAN);
    valueDone();
    return b;
  }

  @Override
  public long nextLong() throws IOException {
    String s = text();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new SyntaxException("not a long at " + path(), null);
    }
  }

  @Override
  public double nextDouble() throws IOException {
    String s = text();
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new SyntaxException("not a number at " + path(), null);
    }
  }

  @Override
  public void nextNull() throws IOException {
    take(Token.NULL);
    valueDone();
  }

  @Override
  public void skipValue() throws IOException {
    switch (peek()) {
      case BEGIN_OBJECT -> {
        beginObject();
        while (hasNext()) {
          name();
          skipValue();
        }
        endObject();
      }
      case BEGIN_ARRAY -> {
        beginArray();
        while (hasNext()) {
          skipValue();
        }
        endArray();
      }
      case NULL -> nextNull();
      case BOOLEAN -> nextBoolean();
      default -> text();
    }
  }

  @Override
  public String path() {
    StringBuilder sb = new StringBuilder("$");
    names.descendingIterator().forEachRemaining(n -> sb.append('.').append(n));
    return sb.toString();
  }

  /** Fills {@link #tokens}; returns the syntax error met, if any (reported once it is reached). */
  private SyntaxException tokenize(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("{}[],:".indexOf(c) >= 0) {
        tokens.add(c);
        i++;
      } else if (c == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < s.length() && s.charAt(i) != '"') {
          char x = s.charAt(i++);
          if (x == '\\' && i < s.length()) {
            char e = s.charAt(i++);
            switch (e) {
              case 'n' -> sb.append('\n');
              case 't' -> sb.append('\t');
              case 'u' -> {
                if (i + 4 > s.length()) {
                  return null; // cut off inside an escape: the end of tokens says EOF
                }
                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                i += 4;
              }
              default -> sb.append(e);
            }
          } else {
            sb.append(x);
          }
        }
        if (i >= s.length()) {
          return null; // an unterminated string: the body was cut off
        }
        i++;
        tokens.add(new Str(sb.toString()));
      } else if (c == '-' || Character.isDigit(c)) {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
          i++;
        }
        tokens.add(new Num(s.substring(start, i)));
      } else if (s.startsWith("true", i)) {
        tokens.add(Boolean.TRUE);
        i += 4;
      } else if (s.startsWith("false", i)) {
        tokens.add(Boolean.FALSE);
        i += 5;
      } else if (s.startsWith("null", i)) {
        tokens.add(NULL);
        i += 4;
      } else if ("true".startsWith(s.substring(i)) || "false".startsWith(s.substring(i))
          || "null".startsWith(s.substring(i))) {
        return null; // a literal cut off at the end
      } else {
        return new SyntaxException("not JSON at offset " + i, null);
      }
    }
    return null;
  }
}
