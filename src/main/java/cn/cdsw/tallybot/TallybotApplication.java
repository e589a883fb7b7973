package cn.cdsw.tallybot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TallybotApplication {
    public static void main(String[] args) {
        SpringApplication.run(TallybotApplication.class, args);
    }
}
