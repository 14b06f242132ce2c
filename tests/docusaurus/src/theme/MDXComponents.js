// Small stand-ins for the Mintlify components the guide page uses (<Panel>, <Steps>, <Step>,
// <Warning>), so the page is written as it is for Mintlify.
import MDXComponents from '@theme-original/MDXComponents';

const Panel = ({ children }) => <div className="mintlify-panel">{children}</div>;
const Steps = ({ children }) => <ol className="mintlify-steps">{children}</ol>;
const Step = ({ title, children }) => (
  <li className="mintlify-step">
    <h3>{title}</h3>
    {children}
  </li>
);
const Warning = ({ children }) => <div className="admonition admonition-warning" role="note">{children}</div>;

export default { ...MDXComponents, Panel, Steps, Step, Warning };
