// The signed-out pages (sign in, forgot password, set a new password) on their own, without
// Refine, the menu or the resources: what a browser loads first at /login. Signing in hands the
// page over to the app in place (see main.tsx); someone already signed in goes straight there.
import { App as AntdApp } from "antd";
import { lazy, Suspense, useEffect } from "react";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";
import { authProvider } from "./providers/authProvider";
import { ColorModeProvider } from "./providers/colorMode";
import { signedOutHome, type SignedIn } from "./providers/signedOut";
import "@refinedev/antd/dist/reset.css";

const LoginPage = lazy(() => import("./pages/auth/login"));
const ForgotPasswordPage = lazy(() => import("./pages/auth/forgot-password"));
const UpdatePasswordPage = lazy(() => import("./pages/auth/update-password"));

/** On the sign-in and forgot-password pages, someone with a session goes to the app. */
function AlreadySignedIn({ onSignedIn }: { onSignedIn: SignedIn }) {
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname === "/update-password") return;
    let active = true;
    void authProvider.check().then((result) => {
      if (active && result.authenticated) onSignedIn(signedOutHome);
    });
    return () => {
      active = false;
    };
  }, [pathname, onSignedIn]);
  return null;
}

export default function SignedOutApp({ onSignedIn }: { onSignedIn: SignedIn }) {
  return (
    <BrowserRouter>
      <ColorModeProvider>
        <AntdApp>
          <AlreadySignedIn onSignedIn={onSignedIn} />
          <Suspense fallback={null}>
            <Routes>
              <Route path="/login" element={<LoginPage onSignedIn={onSignedIn} />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/update-password" element={<UpdatePasswordPage />} />
            </Routes>
          </Suspense>
        </AntdApp>
      </ColorModeProvider>
    </BrowserRouter>
  );
}
