package dev.wfmconnector.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The management API always has a configured password; only the demo profile has built-in credentials. */
@ExtendWith(OutputCaptureExtension.class)
class ApiUsersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class))
            .withUserConfiguration(ApiUsers.class);

    @Test
    void startUpIsRefusedWithoutAPasswordWithAClearMessage(CapturedOutput output) {
        runner.withPropertyValues("spring.security.user.name=admin").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(ApiPasswordMissingException.class)
                    .hasMessage("The management API has no password: spring.security.user.password is not set.");

            FailureAnalysis analysis = new ApiPasswordFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("spring.security.user.password is not set");
            assertThat(analysis.getAction()).contains("SPRING_SECURITY_USER_PASSWORD")
                    .contains("Only the demo profile has built-in credentials");
        });
        assertThat(output.getAll()).doesNotContainIgnoringCase("generated security password");
    }

    @Test
    void anEmptyPasswordIsNoPassword() {
        runner.withPropertyValues("spring.security.user.password=").run(context ->
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ApiPasswordMissingException.class));
    }

    @Test
    void theConfiguredUserIsTheOnlyUser() {
        runner.withPropertyValues("spring.security.user.name=ops", "spring.security.user.password=Correct-Horse-9",
                        "spring.profiles.active=demo")
                .run(context -> {
                    UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername("ops");
                    assertThat(user.getPassword()).isEqualTo("{noop}Correct-Horse-9");
                    assertThat(context).getBeans(UserDetailsService.class).hasSize(1);
                });
    }

    @Test
    void anEncodedPasswordIsUsedAsItIs() {
        String bcrypt = "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";
        runner.withPropertyValues("spring.security.user.name=ops", "spring.security.user.password=" + bcrypt)
                .run(context -> assertThat(context.getBean(UserDetailsService.class).loadUserByUsername("ops")
                        .getPassword()).isEqualTo(bcrypt));
    }

    @Test
    void theDemoProfileHasBuiltInCredentialsAndPrintsNoPassword(CapturedOutput output) {
        runner.withPropertyValues("spring.profiles.active=demo").run(context -> {
            assertThat(context).hasNotFailed();
            UserDetails demo = context.getBean(UserDetailsService.class).loadUserByUsername(ApiUsers.DEMO_USER);
            assertThat(demo.getPassword()).isEqualTo("{noop}" + ApiUsers.DEMO_PASSWORD);
        });
        assertThat(output.getAll()).doesNotContainIgnoringCase("generated security password");
    }
}
