import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes the API baseline of a published module: the classes of the packages its module-info exports to
 * everyone (and any classes named on the command line), as stubs that keep what a compatibility check
 * reads (types, public and protected members, generic signatures, thrown exceptions, annotations) and
 * drop the rest (code, debug data, private and package-private members, anonymous and local classes,
 * resources). Classes of the jar that a kept class extends or implements are kept too, with their public
 * and protected members. A serializable class also keeps the members its default serialVersionUID is
 * computed from, so that the check sees the same serial form. The output is the same bytes for the same
 * API: entries are sorted and dated 1980-02-01.
 *
 * <p>Usage: {@code java ApiBaseline.java PACKAGING MODULE_JAR BASELINE_JAR [CLASS ...]}; a PACKAGING other
 * than {@code jar} writes nothing. No dependencies: the JDK runs it as a source file.
 */
public final class ApiBaseline {
  private static final int PUBLIC = 0x0001;
  private static final int PRIVATE = 0x0002;
  private static final int PROTECTED = 0x0004;
  private static final int STATIC = 0x0008;
  private static final int TRANSIENT = 0x0080;
  private static final int SYNTHETIC = 0x1000;

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: java ApiBaseline.java PACKAGING MODULE_JAR BASELINE_JAR [CLASS ...]");
      System.exit(2);
    }
    if (!args[0].equals("jar")) {
      return;
    }
    Path jar = Path.of(args[1]);
    Path baseline = Path.of(args[2]);
    Map<String, byte[]> classes = readClasses(jar);
    byte[] moduleInfo = classes.get("module-info.class");
    if (moduleInfo == null) {
      throw new IllegalStateException(jar + " has no module-info.class: the baseline keeps the exported packages");
    }
    Set<String> exported = new ClassFile(moduleInfo).exportedPackages();

    Map<String, ClassFile> kept = new TreeMap<>();
    Deque<String> supertypes = new ArrayDeque<>();
    for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
      String name = entry.getKey().substring(0, entry.getKey().length() - ".class".length());
      int slash = name.lastIndexOf('/');
      String pkg = slash < 0 ? "" : name.substring(0, slash);
      if (!exported.contains(pkg) || name.endsWith("/package-info")) {
        continue;
      }
      ClassFile cf = new ClassFile(entry.getValue());
      if (cf.isApi()) {
        kept.put(name, cf);
        supertypes.addAll(cf.supertypes());
      }
    }
    List<String> named = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      for (String className : args[i].trim().split("[\\s,]+")) {
        if (!className.isEmpty()) {
          named.add(className);
        }
      }
    }
    for (String className : named) {
      String name = className.replace('.', '/');
      byte[] bytes = classes.get(name + ".class");
      if (bytes == null) {
        throw new IllegalStateException(jar + " has no class " + className);
      }
      ClassFile cf = new ClassFile(bytes);
      kept.put(name, cf);
      supertypes.addAll(cf.supertypes());
    }
    while (!supertypes.isEmpty()) {
      String name = supertypes.pop();
      byte[] bytes = classes.get(name + ".class");
      if (bytes != null && !kept.containsKey(name)) {
        ClassFile cf = new ClassFile(bytes);
        kept.put(name, cf);
        supertypes.addAll(cf.supertypes());
      }
    }

    Files.createDirectories(baseline.toAbsolutePath().getParent());
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
      zip.setLevel(9);
      for (Map.Entry<String, ClassFile> entry : kept.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey() + ".class");
        zipEntry.setTimeLocal(LocalDateTime.of(1980, 2, 1, 0, 0));
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue().stub(kept.keySet(), serializable(entry.getKey(), classes)));
        zip.closeEntry();
      }
    }
    Files.write(baseline, zipped.toByteArray());
    List<String> api = new ArrayList<>();
    exported.forEach(pkg -> api.add(pkg.replace('/', '.')));
    api.addAll(named);
    System.out.println("API baseline " + baseline.toAbsolutePath().normalize() + ": " + kept.size() + " classes ("
        + String.join(", ", api) + "), " + zipped.size() + " bytes");
  }

  /** Whether the class is serializable; a supertype outside the jar and the JDK counts as serializable. */
  private static boolean serializable(String name, Map<String, byte[]> classes) throws IOException {
    if (name.equals("java/io/Serializable")) {
      return true;
    }
    byte[] bytes = classes.get(name + ".class");
    if (bytes == null) {
      try {
        return Serializable.class.isAssignableFrom(
            Class.forName(name.replace('/', '.'), false, ClassLoader.getPlatformClassLoader()));
      } catch (ClassNotFoundException e) {
        return true;
      }
    }
    for (String supertype : new ClassFile(bytes).supertypes()) {
      if (serializable(supertype, classes)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, byte[]> readClasses(Path jar) throws IOException {
    Map<String, byte[]> classes = new TreeMap<>();
    try (InputStream file = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(file)) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (!entry.isDirectory() && entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          classes.put(entry.getName(), zip.readAllBytes());
        }
      }
    }
    return classes;
  }

  /** One class file, read whole; {@link #stub} writes its API part with a constant pool of its own. */
  private static final class ClassFile {
    private final int minor;
    private final int major;
    private final int[] tags;
    private final Object[] pool;
    private final int access;
    private final int thisClass;
    private final int superClass;
    private final int[] interfaces;
    private final List<Member> fields;
    private final List<Member> methods;
    private final List<Attribute> attributes;

    ClassFile(byte[] bytes) throws IOException {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      minor = in.readUnsignedShort();
      major = in.readUnsignedShort();
      int count = in.readUnsignedShort();
      tags = new int[count];
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        tags[i] = tag;
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3 -> pool[i] = in.readInt();
          case 4 -> pool[i] = in.readFloat();
          case 5 -> pool[i++] = in.readLong();
          case 6 -> pool[i++] = in.readDouble();
          case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> pool[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      access = in.readUnsignedShort();
      thisClass = in.readUnsignedShort();
      superClass = in.readUnsignedShort();
      interfaces = new int[in.readUnsignedShort()];
      for (int i = 0; i < interfaces.length; i++) {
        interfaces[i] = in.readUnsignedShort();
      }
      fields = readMembers(in);
      methods = readMembers(in);
      attributes = readAttributes(in);
    }

    private List<Member> readMembers(DataInputStream in) throws IOException {
      int count = in.readUnsignedShort();
      List<Member> members = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        members.add(new Member(in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(), readAttributes(in)));
      }
      return members;
    }

    private List<Attribute> readAttributes(DataInputStream in) throws IOException {
      int count = in.readUnsignedShort();
      List<Attribute> read = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = utf8(in.readUnsignedShort());
        byte[] data = new byte[in.readInt()];
        in.readFully(data);
        read.add(new Attribute(name, data));
      }
      return read;
    }

    String utf8(int index) {
      return (String) pool[index];
    }

    String className(int index) {
      return utf8(((int[]) pool[index])[0]);
    }

    String name() {
      return className(thisClass);
    }

    List<String> supertypes() {
      List<String> names = new ArrayList<>();
      if (superClass != 0) {
        names.add(className(superClass));
      }
      for (int index : interfaces) {
        names.add(className(index));
      }
      return names;
    }

    /** Public or protected, as declared (a nested class's own flags), and neither anonymous nor local. */
    boolean isApi() throws IOException {
      int flags = access;
      Attribute inner = attribute("InnerClasses");
      if (inner != null) {
        DataInputStream in = inner.input();
        for (int n = in.readUnsignedShort(); n > 0; n--) {
          int innerClass = in.readUnsignedShort();
          int outerClass = in.readUnsignedShort();
          int innerName = in.readUnsignedShort();
          int innerFlags = in.readUnsignedShort();
          if (className(innerClass).equals(name())) {
            if (outerClass == 0 || innerName == 0) {
              return false;
            }
            flags = innerFlags;
          }
        }
      }
      return (flags & (PUBLIC | PROTECTED)) != 0 && (flags & SYNTHETIC) == 0;
    }

    /** The packages a module-info exports without a "to" list. */
    Set<String> exportedPackages() throws IOException {
      Attribute module = attribute("Module");
      if (module == null) {
        throw new IOException("module-info.class has no Module attribute");
      }
      DataInputStream in = module.input();
      in.skipBytes(6);
      in.skipBytes(6 * in.readUnsignedShort());
      Set<String> exported = new LinkedHashSet<>();
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        int pkg = in.readUnsignedShort();
        in.readUnsignedShort();
        int targets = in.readUnsignedShort();
        in.skipBytes(2 * targets);
        if (targets == 0) {
          exported.add(utf8(((int[]) pool[pkg])[0]));
        }
      }
      return exported;
    }

    private Attribute attribute(String name) {
      for (Attribute attribute : attributes) {
        if (attribute.name.equals(name)) {
          return attribute;
        }
      }
      return null;
    }

    /**
     * The class without code, debug data and members that are neither public nor protected; a serializable
     * class keeps its serialVersionUID and what the default one is computed from: the static initializer,
     * fields other than private static or transient ones, and methods and constructors that are not private.
     */
    byte[] stub(Set<String> keptClasses, boolean serializable) throws IOException {
      Pool out = new Pool(this);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream w = new DataOutputStream(body);
      w.writeShort(access);
      w.writeShort(out.copy(thisClass));
      w.writeShort(superClass == 0 ? 0 : out.copy(superClass));
      w.writeShort(interfaces.length);
      for (int index : interfaces) {
        w.writeShort(out.copy(index));
      }
      writeMembers(w, out, fields, m -> serializable
          && ((m.access & PRIVATE) == 0 || (m.access & (STATIC | TRANSIENT)) == 0
              || utf8(m.name).equals("serialVersionUID")));
      writeMembers(w, out, methods, m -> serializable
          && ((m.access & PRIVATE) == 0 || utf8(m.name).equals("<clinit>")));
      List<byte[]> kept = new ArrayList<>();
      for (Attribute attribute : attributes) {
        byte[] data = switch (attribute.name) {
          case "Signature", "Deprecated", "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations",
              "PermittedSubclasses", "Record" -> out.attribute(attribute);
          case "InnerClasses" -> out.innerClasses(attribute, keptClasses);
          default -> null;
        };
        if (data != null) {
          kept.add(data);
        }
      }
      writeAttributes(w, kept);

      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream f = new DataOutputStream(file);
      f.writeInt(0xCAFEBABE);
      f.writeShort(minor);
      f.writeShort(major);
      out.writeTo(f);
      body.writeTo(f);
      return file.toByteArray();
    }

    private void writeMembers(DataOutputStream w, Pool out, List<Member> members, Predicate<Member> serialForm)
        throws IOException {
      List<Member> api = members.stream()
          .filter(m -> (m.access & (PUBLIC | PROTECTED)) != 0 && (m.access & SYNTHETIC) == 0 || serialForm.test(m))
          .toList();
      w.writeShort(api.size());
      for (Member member : api) {
        w.writeShort(member.access);
        w.writeShort(out.copy(member.name));
        w.writeShort(out.copy(member.descriptor));
        List<byte[]> kept = new ArrayList<>();
        for (Attribute attribute : member.attributes) {
          byte[] data = out.attribute(attribute);
          if (data != null) {
            kept.add(data);
          }
        }
        writeAttributes(w, kept);
      }
    }
  }

  private static void writeAttributes(DataOutputStream w, List<byte[]> attributes) throws IOException {
    w.writeShort(attributes.size());
    for (byte[] attribute : attributes) {
      w.write(attribute);
    }
  }

  private record Member(int access, int name, int descriptor, List<Attribute> attributes) {}

  private record Attribute(String name, byte[] data) {
    DataInputStream input() {
      return new DataInputStream(new ByteArrayInputStream(data));
    }
  }

  /** A new constant pool holding only the entries the stub refers to, copied from the old one on demand. */
  private static final class Pool {
    private final ClassFile from;
    private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(entries);
    private final Map<String, Integer> indexes = new HashMap<>();
    private int next = 1;

    Pool(ClassFile from) {
      this.from = from;
    }

    void writeTo(DataOutputStream f) throws IOException {
      f.writeShort(next);
      entries.writeTo(f);
    }

    /** The new index of the old entry at {@code index}, copying it (and what it refers to) if new. */
    int copy(int index) throws IOException {
      int tag = from.tags[index];
      Object value = from.pool[index];
      return switch (tag) {
        case 1 -> utf8((String) value);
        case 3, 4, 5, 6 -> add(tag + ":" + value, tag == 5 || tag == 6 ? 2 : 1, w -> {
          switch (tag) {
            case 3 -> w.writeInt((Integer) value);
            case 4 -> w.writeFloat((Float) value);
            case 5 -> w.writeLong((Long) value);
            default -> w.writeDouble((Double) value);
          }
        });
        case 15 -> {
          int[] refs = (int[]) value;
          int ref = copy(refs[1]);
          yield add(tag + ":" + refs[0] + ":" + ref, 1, w -> {
            w.writeByte(refs[0]);
            w.writeShort(ref);
          });
        }
        case 17, 18 -> throw new IOException("a stub keeps no bootstrap methods, so no dynamic constants");
        default -> {
          int[] refs = (int[]) value;
          int[] copied = new int[refs.length];
          for (int i = 0; i < refs.length; i++) {
            copied[i] = copy(refs[i]);
          }
          StringBuilder key = new StringBuilder().append(tag);
          for (int ref : copied) {
            key.append(':').append(ref);
          }
          yield add(key.toString(), 1, w -> {
            for (int ref : copied) {
              w.writeShort(ref);
            }
          });
        }
      };
    }

    int utf8(String value) throws IOException {
      return add("1:" + value, 1, w -> w.writeUTF(value));
    }

    private int add(String key, int slots, Body body) throws IOException {
      Integer known = indexes.get(key);
      if (known != null) {
        return known;
      }
      out.writeByte(Integer.parseInt(key.substring(0, key.indexOf(':'))));
      body.write(out);
      int index = next;
      next += slots;
      indexes.put(key, index);
      return index;
    }

    /** A kept attribute with its constant pool indexes rewritten, or null for one a stub drops. */
    byte[] attribute(Attribute attribute) throws IOException {
      DataInputStream in = attribute.input();
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      DataOutputStream w = new DataOutputStream(data);
      switch (attribute.name) {
        case "Signature", "ConstantValue" -> w.writeShort(copy(in.readUnsignedShort()));
        case "Deprecated" -> { }
        case "Exceptions", "PermittedSubclasses" -> {
          int n = in.readUnsignedShort();
          w.writeShort(n);
          for (int i = 0; i < n; i++) {
            w.writeShort(copy(in.readUnsignedShort()));
          }
        }
        case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> annotations(in, w);
        case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
          int n = in.readUnsignedByte();
          w.writeByte(n);
          for (int i = 0; i < n; i++) {
            annotations(in, w);
          }
        }
        case "AnnotationDefault" -> elementValue(in, w);
        case "Record" -> {
          int n = in.readUnsignedShort();
          w.writeShort(n);
          for (int i = 0; i < n; i++) {
            w.writeShort(copy(in.readUnsignedShort()));
            w.writeShort(copy(in.readUnsignedShort()));
            int count = in.readUnsignedShort();
            List<byte[]> kept = new ArrayList<>();
            for (int j = 0; j < count; j++) {
              String name = from.utf8(in.readUnsignedShort());
              byte[] bytes = new byte[in.readInt()];
              in.readFully(bytes);
              byte[] copied = attribute(new Attribute(name, bytes));
              if (copied != null) {
                kept.add(copied);
              }
            }
            writeAttributes(w, kept);
          }
        }
        default -> {
          return null;
        }
      }
      return framed(attribute.name, data.toByteArray());
    }

    /** The InnerClasses entries of kept classes: the others name classes that only code used. */
    byte[] innerClasses(Attribute attribute, Set<String> keptClasses) throws IOException {
      DataInputStream in = attribute.input();
      List<int[]> entries = new ArrayList<>();
      for (int n = in.readUnsignedShort(); n > 0; n--) {
        int[] entry = {in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort(), in.readUnsignedShort()};
        if (keptClasses.contains(from.className(entry[0]))) {
          entries.add(entry);
        }
      }
      if (entries.isEmpty()) {
        return null;
      }
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      DataOutputStream w = new DataOutputStream(data);
      w.writeShort(entries.size());
      for (int[] entry : entries) {
        w.writeShort(copy(entry[0]));
        w.writeShort(entry[1] == 0 ? 0 : copy(entry[1]));
        w.writeShort(entry[2] == 0 ? 0 : copy(entry[2]));
        w.writeShort(entry[3]);
      }
      return framed(attribute.name, data.toByteArray());
    }

    private byte[] framed(String name, byte[] data) throws IOException {
      ByteArrayOutputStream framed = new ByteArrayOutputStream();
      DataOutputStream w = new DataOutputStream(framed);
      w.writeShort(utf8(name));
      w.writeInt(data.length);
      w.write(data);
      return framed.toByteArray();
    }

    private void annotations(DataInputStream in, DataOutputStream w) throws IOException {
      int n = in.readUnsignedShort();
      w.writeShort(n);
      for (int i = 0; i < n; i++) {
        annotation(in, w);
      }
    }

    private void annotation(DataInputStream in, DataOutputStream w) throws IOException {
      w.writeShort(copy(in.readUnsignedShort()));
      int pairs = in.readUnsignedShort();
      w.writeShort(pairs);
      for (int i = 0; i < pairs; i++) {
        w.writeShort(copy(in.readUnsignedShort()));
        elementValue(in, w);
      }
    }

    private void elementValue(DataInputStream in, DataOutputStream w) throws IOException {
      int tag = in.readUnsignedByte();
      w.writeByte(tag);
      switch (tag) {
        case 'e' -> {
          w.writeShort(copy(in.readUnsignedShort()));
          w.writeShort(copy(in.readUnsignedShort()));
        }
        case '@' -> annotation(in, w);
        case '[' -> {
          int n = in.readUnsignedShort();
          w.writeShort(n);
          for (int i = 0; i < n; i++) {
            elementValue(in, w);
          }
        }
        default -> w.writeShort(copy(in.readUnsignedShort()));
      }
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }
}
