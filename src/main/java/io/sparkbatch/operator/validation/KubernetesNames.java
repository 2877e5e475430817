package io.sparkbatch.operator.validation;

import java.util.regex.Pattern;

/** Kubernetes' syntax for names, label keys and label values (apimachinery's validation). */
final class KubernetesNames {

  static final int LABEL_VALUE_MAX = 63;
  static final int SUBDOMAIN_MAX = 253;

  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private KubernetesNames() {}

  /** Names of volumes, containers and Services' ports: at most 63 characters. */
  static boolean isDns1123Label(String s) {
    return s.length() <= LABEL_VALUE_MAX && DNS_1123_LABEL.matcher(s).matches();
  }

  /** Names of most objects, pods included: at most 253 characters. */
  static boolean isDns1123Subdomain(String s) {
    return s.length() <= SUBDOMAIN_MAX && DNS_1123_SUBDOMAIN.matcher(s).matches();
  }

  /** Label and annotation keys: an optional DNS subdomain prefix and a slash, then a name. */
  static boolean isQualifiedName(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0 && !isDns1123Subdomain(key.substring(0, slash))) {
      return false;
    }
    return name.length() <= LABEL_VALUE_MAX && QUALIFIED_NAME_PART.matcher(name).matches();
  }

  static boolean isLabelValue(String value) {
    return value.isEmpty()
        || (value.length() <= LABEL_VALUE_MAX && QUALIFIED_NAME_PART.matcher(value).matches());
  }
}
