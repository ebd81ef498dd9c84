package dev.wfmconnector.api;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The management API's one user, from {@code spring.security.user.name/password}. Start-up is refused without a
 * configured password ({@link ApiPasswordMissingException}), except under the {@code demo} profile, whose credentials
 * are {@value #DEMO_USER}/{@value #DEMO_PASSWORD}. Defining this user keeps Spring Boot from generating (and printing)
 * a password.
 */
@Configuration(proxyBeanMethods = false)
public class ApiUsers {

    public static final String DEMO_PROFILE = "demo";
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo";

    /** A password already naming its encoding, such as {@code {bcrypt}$2a$...}, is used as it is. */
    private static final Pattern ENCODED = Pattern.compile("^\\{.+}.*$");

    @Bean
    InMemoryUserDetailsManager apiUser(SecurityProperties security, Environment environment) {
        SecurityProperties.User user = security.getUser();
        if (!user.isPasswordGenerated()) {
            return single(user.getName(), user.getPassword(), user.getRoles());
        }
        if (environment.matchesProfiles(DEMO_PROFILE)) {
            return single(DEMO_USER, DEMO_PASSWORD, List.of());
        }
        throw new ApiPasswordMissingException();
    }

    private static InMemoryUserDetailsManager single(String name, String password, List<String> roles) {
        String encoded = ENCODED.matcher(password).matches() ? password : "{noop}" + password;
        return new InMemoryUserDetailsManager(
                User.withUsername(name).password(encoded).roles(roles.toArray(String[]::new)).build());
    }
}
